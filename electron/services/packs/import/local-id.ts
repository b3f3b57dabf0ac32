/** The id pattern of responses, intents and rules (the pack schema's LocalIdSchema). */
export const LocalIdPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
