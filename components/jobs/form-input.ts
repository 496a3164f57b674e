/** A submitted form's text field, trimmed; "" when it is missing or not text (a file). */
export function formText(form: FormData, key: string): string {
  const value = form.get(key);
  return typeof value === "string" ? value.trim() : "";
}
