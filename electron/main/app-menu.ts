// Installs the application menu (menu-template.ts) for this platform.
import { app, Menu, shell } from 'electron';
import { appMenuTemplate } from './menu-template';

export function installAppMenu(): void {
  const openDataFolder = () => void shell.openPath(app.getPath('userData'));
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform, { packaged: app.isPackaged, openDataFolder })));
}
