import { validationError } from "@/lib/errors";
import { textProblem } from "@/lib/validation";

/** Every value of a repeated form field (checkboxes), refusing text no field may hold. */
export function formList(form: FormData, name: string): string[] {
  return form
    .getAll(name)
    .filter((v): v is string => typeof v === "string")
    .map((v) => {
      const problem = v.length > 200 ? "keep each under 200 characters" : textProblem(v);
      if (problem) throw validationError(`${name}: ${problem}`, { [name]: [problem] });
      return v.trim();
    })
    .filter(Boolean);
}
