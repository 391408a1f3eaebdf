import { createTheme, rem, type MantineColorsTuple } from '@mantine/core';

/** One sober primary colour: a desaturated navy, readable on white and not "brand-loud". */
const navy: MantineColorsTuple = [
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

const HELP_BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

export const theme = createTheme({
  primaryColor: 'navy',
  primaryShade: { light: 8, dark: 5 },
  colors: { navy },
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
