export const later = () => import('electron/main');
