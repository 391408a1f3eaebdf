export const NS = 'settings';
