/**
 * The bounds of the Assist settings, read from the settings schema (the one place they are
 * set), and the checks the fields run before saving, so the message names what to fix.
 */
import { SettingsSchema } from '../../../../shared/schemas/settings';

const assist = SettingsSchema.shape.assist.shape;

export interface WholeNumberLimits {
  min: number;
  max: number;
}

/** Idle timeout, in minutes. */
export const idleTimeoutLimits: WholeNumberLimits = {
  min: assist.idleTimeoutMinutes.minValue ?? 1,
  max: assist.idleTimeoutMinutes.maxValue ?? 240,
};

/** How long a generated reply may take, in seconds. */
export const generationTimeoutLimits: WholeNumberLimits = {
  min: assist.generationTimeoutSeconds.minValue ?? 1,
  max: assist.generationTimeoutSeconds.maxValue ?? 300,
};

export const MAX_MODEL_NAME_LENGTH = assist.generationModel.maxLength ?? 200;

/** What is wrong with a typed whole number of `unit` (plural), or null when it fits the limits. */
export function wholeNumberProblem(
  text: string,
  { min, max }: WholeNumberLimits,
  unit: string,
): string | null {
  const value = text.trim();
  const range = `from ${min} to ${max} ${unit}`;
  if (!/^\d+$/.test(value)) return `Enter a whole number ${range}.`;
  const number = Number(value);
  return number < min || number > max ? `${number} is outside the range: ${range}.` : null;
}

/** What is wrong with a typed model name, or null. */
export function modelNameProblem(text: string): string | null {
  const value = text.trim();
  if (value === '') return "Enter the model's name as the endpoint knows it, e.g. llama3.2.";
  if (value.length > MAX_MODEL_NAME_LENGTH) {
    return `The name is ${value.length} characters long; at most ${MAX_MODEL_NAME_LENGTH} are kept.`;
  }
  return null;
}
