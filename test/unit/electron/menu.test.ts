import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from '../../../electron/menu-template';
import { MENU_ACCELERATORS, MENU_COMMANDS } from '../../../shared/protocol/ipc-contract';

type Item = MenuItemConstructorOptions;

function build(platform: NodeJS.Platform) {
  const command = vi.fn();
  const about = vi.fn();
  return { template: menuTemplate(platform, { command, about }), command, about };
}

const submenu = (template: Item[], label: string): Item[] => {
  const menu = template.find((item) => item.label === label);
  if (!menu) throw new Error(`no menu ${label}`);
  return menu.submenu as Item[];
};
const labels = (items: Item[]) => items.filter((item) => item.type !== 'separator').map((item) => item.label);
const all = (items: Item[]): Item[] => items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? all(item.submenu) : [])]);
const byId = (template: Item[], id: string) => all(template).find((item) => item.id === id);

describe('application menu', () => {
  it('has the Danish menus in order on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { template } = build(platform);
      expect(template.map((item) => item.label)).toEqual(['Filer', 'Rediger', 'Indsæt', 'Vis', 'Hjælp']);
      expect(labels(submenu(template, 'Filer'))).toEqual(['Ny dagsorden', 'Åbn …', 'Importér …', 'Eksportér PDF …', 'Gem kopi …', 'Åbn kopi …', 'Indstillinger …', 'Luk', 'Afslut']);
      expect(labels(submenu(template, 'Rediger'))).toEqual(['Fortryd', 'Gentag', 'Klip', 'Kopiér', 'Sæt ind', 'Markér alt', 'Søg …']);
      expect(labels(submenu(template, 'Indsæt'))).toEqual(['Sektion', 'Punkt', 'Indstilling', 'Bilagsmarkering ./.']);
      expect(labels(submenu(template, 'Vis'))).toEqual(['Oversigt', 'Zoom ind', 'Zoom ud', 'Nulstil zoom', 'Fuld skærm']);
      expect(labels(submenu(template, 'Hjælp'))).toEqual(['Genvejstaster', 'Om Dagsorden']);
    }
  });

  it('on macOS has the app menu (Om, Indstillinger, Afslut) and a Vindue menu, and no Afslut in Filer', () => {
    const { template } = build('darwin');
    expect(template.map((item) => item.label)).toEqual(['Dagsorden', 'Filer', 'Rediger', 'Indsæt', 'Vis', 'Vindue', 'Hjælp']);
    const appMenu = submenu(template, 'Dagsorden');
    expect(labels(appMenu)).toEqual(['Om Dagsorden', 'Indstillinger …', 'Tjenester', 'Skjul Dagsorden', 'Skjul andre', 'Vis alle', 'Afslut Dagsorden']);
    expect(appMenu.find((item) => item.role === 'quit')).toBeDefined();
    expect(labels(submenu(template, 'Filer'))).not.toContain('Afslut');
    expect(labels(submenu(template, 'Filer'))).not.toContain('Indstillinger …');
    expect(labels(submenu(template, 'Hjælp'))).toEqual(['Genvejstaster']);
    expect(submenu(template, 'Vindue').map((item) => item.role).filter(Boolean)).toEqual(['minimize', 'zoom', 'front']);
  });

  it('offers every menu command exactly once, with the shortcut of the contract', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const { template } = build(platform);
      for (const name of MENU_COMMANDS) {
        const items = all(template).filter((item) => item.id === name);
        expect(items, `${platform} ${name}`).toHaveLength(1);
        expect(items[0]!.accelerator).toBe(MENU_ACCELERATORS[name]);
      }
    }
  });

  it('uses CmdOrCtrl for shortcuts, and platform conventions for quit and full screen', () => {
    const win = build('win32').template;
    const linux = build('linux').template;
    const mac = build('darwin').template;
    expect(byId(win, 'newAgenda')!.accelerator).toBe('CmdOrCtrl+N');
    expect(byId(win, 'exportPdf')!.accelerator).toBe('CmdOrCtrl+E');
    expect(all(win).find((item) => item.role === 'quit')!.accelerator).toBeUndefined();
    expect(all(linux).find((item) => item.role === 'quit')!.accelerator).toBe('Ctrl+Q');
    expect(all(win).find((item) => item.role === 'togglefullscreen')!.accelerator).toBe('F11');
    expect(all(mac).find((item) => item.role === 'togglefullscreen')!.accelerator).toBe('Ctrl+Cmd+F');
    expect(all(mac).find((item) => item.role === 'close')!.accelerator).toBe('CmdOrCtrl+W');
    for (const item of all(win)) {
      // Ctrl+Alt is AltGr on Danish keyboards; Mod-B and Mod-I are the editor's bold and italic.
      expect(item.accelerator ?? '').not.toMatch(/Ctrl\+Alt|Alt\+Ctrl/);
      expect(['CmdOrCtrl+B', 'CmdOrCtrl+I']).not.toContain(item.accelerator);
    }
    const accelerators = all(win).map((item) => item.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('leaves undo and redo keys to the editor, but registers the other commands', () => {
    const { template } = build('win32');
    expect(byId(template, 'undo')!.registerAccelerator).toBe(false);
    expect(byId(template, 'redo')!.registerAccelerator).toBe(false);
    expect(byId(template, 'insertItem')!.registerAccelerator).toBeUndefined();
  });

  it('uses Electron roles for clipboard and zoom, so they work in any text field', () => {
    const { template } = build('linux');
    const roles = (label: string) => submenu(template, label).map((item) => item.role).filter(Boolean);
    expect(roles('Rediger')).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    expect(roles('Vis')).toEqual(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']);
  });

  it('sends the chosen command for the window it was chosen in, and shows "Om Dagsorden" itself', () => {
    const { template, command, about } = build('linux');
    const window = { id: 7 };
    byId(template, 'insertEnclosure')!.click!({} as never, window as never, {} as never);
    expect(command).toHaveBeenCalledWith('insertEnclosure', window);
    byId(template, 'about')!.click!({} as never, undefined, {} as never);
    expect(about).toHaveBeenCalledTimes(1);
  });
});
