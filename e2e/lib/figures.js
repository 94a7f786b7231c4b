// The page's figures, in page order, as the figure table names them
// (`losslab figures --list`): the tests never keep a list of their own.
import { execFileSync } from "node:child_process";
import { root } from "./harness.js";

export const FIGURES = execFileSync("cargo", ["run", "--quiet", "--bin", "losslab", "--", "figures", "--list"], {
  cwd: root,
  encoding: "utf8",
})
  .trim()
  .split("\n");
