/**
 * Reads an attribute of the element a parse rule matched. Parse rules run only where there
 * is a DOM (pasting, parsing HTML in the renderer); shared/ is compiled without DOM types,
 * so the element is typed by the one method used.
 */
export function elementAttribute(element: unknown, name: string): string | null {
  return (element as { getAttribute(name: string): string | null }).getAttribute(name);
}
