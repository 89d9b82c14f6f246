// The JSON answers asked for in JSON output mode, as the JSON Schema strings web-llm's
// response_format takes. Each is an object with one property, so a prompt can show its shape in a
// line. maxItems caps the list where the grammar engine supports it; the parsers cap it anyway.

/** `{"instructions": ["…"]}` */
export function instructionsSchema(max: number): string {
  return objectWith('instructions', { type: 'array', items: { type: 'string' }, maxItems: max });
}

/** `{"is_classification": true}` */
export function classifySchema(): string {
  return objectWith('is_classification', { type: 'boolean' });
}

/**
 * `{"instances": [{"input": "…", "output": "…"}]}`, or for a classification task
 * `{"instances": [{"label": "…", "input": "…"}]}`: properties are generated in the schema's
 * order, so the label comes first, as output-first generation needs (anchor §1.3).
 */
export function instancesSchema(isClassification: boolean, max: number): string {
  const fields = isClassification ? ['label', 'input'] : ['input', 'output'];
  return objectWith('instances', { type: 'array', items: stringsObject(fields), maxItems: max });
}

/** `{"tasks": [{"instruction": "…", "input": "…", "output": "…"}]}` */
export function alpacaSchema(max: number): string {
  return objectWith('tasks', { type: 'array', items: stringsObject(['instruction', 'input', 'output']), maxItems: max });
}

function objectWith(key: string, value: object): string {
  return JSON.stringify({ type: 'object', properties: { [key]: value }, required: [key], additionalProperties: false });
}

function stringsObject(fields: string[]): object {
  return {
    type: 'object',
    properties: Object.fromEntries(fields.map((field) => [field, { type: 'string' }])),
    required: fields,
    additionalProperties: false,
  };
}
