import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { IconButton } from './icon-button';

export interface SheetProps {
  title: string;
  /** Optional line under the title. */
  subtitle?: string;
  onClose(): void;
  /** `side` slides in from the right edge; `center` is a small card (the shortcuts sheet). */
  placement?: 'side' | 'center';
  footer?: ReactNode;
  children: ReactNode;
}

/**
 * A modal sheet on the native `<dialog>`: the browser traps focus, makes the rest inert
 * and turns Escape into `cancel`, which we hand to `onClose`. Focus goes back where it was.
 */
export function Sheet({
  title,
  subtitle,
  onClose,
  placement = 'side',
  footer,
  children,
}: SheetProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = `sheet-${title.toLowerCase().replace(/\W+/g, '-')}-title`;

  useLayoutEffect(() => {
    const dialog = ref.current;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      previous?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`sheet sheet--${placement}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="sheet__frame">
        <header className="sheet__header">
          <div>
            <h2 className="sheet__title" id={titleId}>
              {title}
            </h2>
            {subtitle ? <p className="sheet__subtitle">{subtitle}</p> : null}
          </div>
          <IconButton icon="close" label="Close (Esc)" onClick={onClose} />
        </header>
        {/* The shortcuts card has nothing to tab to: its body takes the focus so keys scroll it. */}
        <div
          className="sheet__body"
          tabIndex={placement === 'center' ? 0 : undefined}
          aria-labelledby={placement === 'center' ? titleId : undefined}
          role={placement === 'center' ? 'region' : undefined}
        >
          {children}
        </div>
        {footer ? <footer className="sheet__footer">{footer}</footer> : null}
      </div>
    </dialog>
  );
}
