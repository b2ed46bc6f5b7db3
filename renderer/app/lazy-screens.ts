// Screens and dialogs the first paint never shows, each a chunk of its own, loaded when opened.
// The conversation list and the chat screen stay in the entry chunk: they are the first paint.
import { lazy } from 'react';

export const CompareScreen = lazy(() => import('../features/compare/CompareScreen').then((m) => ({ default: m.CompareScreen })));
export const ConnectionsScreen = lazy(() => import('../features/connections/ConnectionsScreen').then((m) => ({ default: m.ConnectionsScreen })));
export const PrivacyScreen = lazy(() => import('../features/privacy/PrivacyScreen').then((m) => ({ default: m.PrivacyScreen })));
export const SettingsScreen = lazy(() => import('../features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
export const ExportDialog = lazy(() => import('../features/history/ExportDialog').then((m) => ({ default: m.ExportDialog })));
export const ImportDialog = lazy(() => import('../features/history/ImportDialog').then((m) => ({ default: m.ImportDialog })));
