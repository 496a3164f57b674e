/**
 * The layout's boundaries as an ESLint rule, for alias (`@/lib/x/y`) and relative imports alike:
 * - a domain's insides are private: from outside `lib/<domain>/`, import its index or a public
 *   entry (`types`, `*-types`, `vocabulary`, `session`, `server`);
 * - `lib/` never imports `app/` or `components/`, and `components/` never imports `app/`;
 * - `app/` and `components/` never import `lib/db`.
 * The domains are the folders of `lib/`, read when the rule runs, so the list always matches them.
 * Tests and test support (`*.test.ts`, `testing/`, `e2e/`) may reach into what they test.
 */
import { relative } from "node:path";
import { domainOf, isPublicEntry, resolveImport } from "../scripts/layout-rules.mjs";

const isTestFile = (rel) =>
  /\.test\.tsx?$/.test(rel) || rel.startsWith("testing/") || rel.startsWith("e2e/");

/** @type {import("eslint").Rule.RuleModule} */
const rule = {
  meta: {
    type: "problem",
    docs: { description: "Keep each domain's insides private and the layers pointing one way." },
    schema: [
      { type: "object", properties: { root: { type: "string" } }, additionalProperties: false },
    ],
    messages: {
      inside:
        "'{{spec}}' reaches into lib/{{domain}}/: import the domain's index (or a public entry such as a *-types file) instead.",
      libToWeb:
        "lib/ must not import {{layer}}/ ('{{spec}}'): the domain layer sits below the web layer.",
      componentsToApp:
        "components/ must not import app/ ('{{spec}}'): keep server actions beside the forms that use them.",
      webToDb:
        "app/ and components/ must not import the database layer ('{{spec}}'); call a domain module's index instead.",
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const from = relative(root, context.filename).replace(/\\/g, "/");
    if (from.startsWith("..")) return {};
    const fromDomain = domainOf(from);
    const test = isTestFile(from);
    const check = (node, spec) => {
      if (typeof spec !== "string") return;
      const target = resolveImport(from, spec, root);
      if (!target) return;
      const data = { spec };
      if (from.startsWith("lib/") && /^(app|components)\//.test(target))
        return context.report({
          node,
          messageId: "libToWeb",
          data: { ...data, layer: target.split("/")[0] },
        });
      if (from.startsWith("components/") && target.startsWith("app/"))
        return context.report({ node, messageId: "componentsToApp", data });
      if (!test && /^(app|components)\//.test(from) && /^lib\/db(\/|$)/.test(target))
        return context.report({ node, messageId: "webToDb", data });
      const toDomain = domainOf(target);
      if (test || !toDomain || toDomain === fromDomain) return;
      if (!isPublicEntry(target))
        context.report({ node, messageId: "inside", data: { ...data, domain: toDomain } });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) =>
        node.source.type === "Literal" && check(node.source, node.source.value),
    };
  },
};

const plugin = { rules: { boundaries: rule } };
export default plugin;
