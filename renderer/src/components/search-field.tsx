import { Icon } from './icon';

export interface SearchFieldProps {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange(value: string): void;
}

/** A search input with its icon; Escape clears it (and a second Escape is the browser's). */
export function SearchField({ id, label, placeholder, value, onChange }: SearchFieldProps) {
  return (
    <div className="search-field">
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <span className="search-field__icon">
        <Icon name="search" size={14} />
      </span>
      <input
        id={id}
        type="search"
        className="search-field__input"
        placeholder={placeholder}
        value={value}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value !== '') {
            event.preventDefault();
            onChange('');
          }
        }}
      />
    </div>
  );
}
