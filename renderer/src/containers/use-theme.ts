/**
 * Applies the appearance settings to the document: `data-theme` on <html> (the CSS in
 * styles/tokens.css does the rest, including following the OS for `system`) and the
 * `--font-scale` variable, set through the CSSOM, which the CSP allows.
 */
import { useEffect } from 'react';
import { useInloop } from '../state/use-inloop';

export function useTheme(): void {
  const theme = useInloop((s) => s.settings?.appearance.theme);
  const fontScale = useInloop((s) => s.settings?.appearance.fontScale);
  useEffect(() => {
    if (theme) document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    if (fontScale !== undefined) {
      document.documentElement.style.setProperty('--font-scale', String(fontScale));
    }
  }, [fontScale]);
}
