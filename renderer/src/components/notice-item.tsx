import type { Notice } from '../../../shared/schemas/app';
import { Icon } from './icon';

export interface NoticeItemProps {
  level: Notice['level'];
  message: string;
  onDismiss(): void;
}

/** One notice: its level as icon and colour, the message, and a dismiss button. */
export function NoticeItem({ level, message, onDismiss }: NoticeItemProps) {
  return (
    <div className={`notice notice--${level}`}>
      <span className="notice__icon">
        <Icon name={level} />
      </span>
      <p className="notice__message">
        <span className="visually-hidden">{levelWord[level]}: </span>
        {message}
      </p>
      <button
        type="button"
        className="notice__dismiss"
        aria-label="Dismiss notice"
        title="Dismiss"
        onClick={onDismiss}
      >
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}

const levelWord: Record<Notice['level'], string> = {
  info: 'Info',
  warning: 'Warning',
  error: 'Error',
};
