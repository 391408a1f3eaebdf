export const NS = 'core';
