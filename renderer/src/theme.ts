import { createTheme, DEFAULT_THEME, luminance, rem, toRgba, type CSSVariablesResolver, type MantineColorsTuple, type MantineThemeOverride } from '@mantine/core';

/** One sober primary colour: a desaturated navy, readable on white and not "brand-loud". */
const NAVY: MantineColorsTuple = [
  '#eef3f8',
  '#dde5ee',
  '#b8c9dc',
  '#91abc9',
  '#7092b9',
  '#5a82af',
  '#4d7aab',
  '#3e6896',
  '#345c86',
  '#264f77',
];

/**
 * WCAG 2.2 AA asks 4.5:1 for text (1.4.3); a little margin for rounding. The palettes are made to
 * meet it by construction, so any `c="red.8"`, badge, alert or link built from them does:
 *  - shade 7 and darker read on white and on the page's grey (gray.0/1);
 *  - shade 8 (the filled and outline shade, and `c="red"`) also on its own tint (shade 1), and white
 *    text reads on it (filled buttons and badges);
 *  - shade 9 (the text of light badges, alerts and subtle buttons) also on shades 1 and 2 (their
 *    background and its hover).
 * A shade that falls short is darkened towards black (same hue) until it meets the ratio.
 */
const AA_TEXT = 4.6;

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

function hex(r: number, g: number, b: number): string {
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

/** `color`, or the least darkened version of it that reads on every one of `backgrounds`. */
function readable(color: string, backgrounds: readonly string[]): string {
  const { r, g, b } = toRgba(color);
  for (let k = 0; k <= 1; k += 0.01) {
    const c = hex(r * (1 - k), g * (1 - k), b * (1 - k));
    if (backgrounds.every((bg) => contrast(c, bg) >= AA_TEXT)) return c;
  }
  return '#000000';
}

const WHITE = '#ffffff';
const PAGE_GREYS = [DEFAULT_THEME.colors.gray[0], DEFAULT_THEME.colors.gray[1]];

function accessible(tuple: MantineColorsTuple): MantineColorsTuple {
  const [s0, s1, s2, s3, s4, s5, s6] = tuple;
  const s7 = readable(tuple[7], [WHITE, ...PAGE_GREYS]);
  const s8 = readable(luminance(tuple[8]) < luminance(s7) ? tuple[8] : s7, [WHITE, ...PAGE_GREYS, s1]);
  const s9 = readable(luminance(tuple[9]) < luminance(s8) ? tuple[9] : s8, [WHITE, ...PAGE_GREYS, s1, s2]);
  return [s0, s1, s2, s3, s4, s5, s6, s7, s8, s9];
}

const TINTED = ['dark', 'gray'];
const colors: Record<string, MantineColorsTuple> = { navy: accessible(NAVY) };
for (const [name, tuple] of Object.entries(DEFAULT_THEME.colors)) if (!TINTED.includes(name)) colors[name] = accessible(tuple);

/**
 * Secondary ("dimmed") text and placeholders: the grey that reads on the page's greys and on every
 * palette's tint (dimmed text sits in alerts and highlighted rows too). It is also the palette's
 * gray.6, which Mantine's own parts use as secondary text (a toast's text under its title, switch
 * and menu labels, step descriptions, table captions), so those read too.
 */
const DIMMED = readable(DEFAULT_THEME.colors.gray[6], [WHITE, ...PAGE_GREYS, ...Object.values(colors).map((c) => c[1])]);
const [g0, g1, g2, g3, g4, g5, , g7, g8, g9] = DEFAULT_THEME.colors.gray;
colors.gray = [g0, g1, g2, g3, g4, g5, DIMMED, g7, g8, g9];

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': DIMMED, '--mantine-color-placeholder': DIMMED },
  dark: {},
});

const HELP_BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

export const theme = createTheme({
  primaryColor: 'navy',
  primaryShade: { light: 8, dark: 5 },
  colors,
  // Focus is always shown for keyboard users (2.4.7, 2.4.13): a 2 px ring in the primary colour.
  focusRing: 'auto',
  // Transitions stop for people who ask their system for less motion.
  respectReducedMotion: true,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace',
  // A dense console: 14 px body text, 13 px controls.
  fontSizes: { xs: rem(11.5), sm: rem(13), md: rem(14), lg: rem(16), xl: rem(18) },
  lineHeights: { xs: '1.4', sm: '1.45', md: '1.5', lg: '1.5', xl: '1.5' },
  defaultRadius: 'sm',
  headings: {
    fontWeight: '600',
    sizes: {
      h1: { fontSize: rem(22), lineHeight: '1.3' },
      h2: { fontSize: rem(18), lineHeight: '1.3' },
      h3: { fontSize: rem(15), lineHeight: '1.35' },
      h4: { fontSize: rem(13), lineHeight: '1.4' },
    },
  },
  components: {
    Button: { defaultProps: { size: 'sm' } },
    // Help text goes under the field: labels and inputs side by side stay level whatever the length
    // of their help, and in both languages.
    InputWrapper: { defaultProps: { inputWrapperOrder: HELP_BELOW } },
    TextInput: { defaultProps: { size: 'sm', inputWrapperOrder: HELP_BELOW } },
    PasswordInput: { defaultProps: { size: 'sm', inputWrapperOrder: HELP_BELOW } },
    Textarea: { defaultProps: { size: 'sm', inputWrapperOrder: HELP_BELOW } },
    Select: { defaultProps: { size: 'sm', allowDeselect: false, inputWrapperOrder: HELP_BELOW } },
    MultiSelect: { defaultProps: { size: 'sm', inputWrapperOrder: HELP_BELOW } },
    DateInput: { defaultProps: { inputWrapperOrder: HELP_BELOW } },
    DatePickerInput: { defaultProps: { inputWrapperOrder: HELP_BELOW } },
    Badge: { defaultProps: { radius: 'sm' } },
    Tooltip: { defaultProps: { withArrow: true, openDelay: 300 } },
    Drawer: { defaultProps: { overlayProps: { backgroundOpacity: 0.35 } } },
    Modal: { defaultProps: { overlayProps: { backgroundOpacity: 0.35 }, centered: true } },
  },
});

/**
 * What Mantine's icon-only buttons say to screen readers (4.1.2), in the UI language: the close
 * button of drawers, dialogs, toasts and alerts, and the clear button of inputs.
 */
export function labelledComponents(labels: { close: string; clear: string }): MantineThemeOverride {
  return {
    components: {
      CloseButton: { defaultProps: { 'aria-label': labels.close } },
      InputClearButton: { defaultProps: { 'aria-label': labels.clear } },
    },
  };
}
