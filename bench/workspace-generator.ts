// A generated workspace for the workspace benchmark: teams of config files, each with
// services that depend on each other's, routes to them, reads of the team's db.tsk, globals
// from the root peanut.tsk, the team's shared.tsk (imported) and the file itself, and enough
// ordinary configuration to weigh what a real file weighs.
import * as fs from "node:fs";
import * as path from "node:path";

export interface GeneratedWorkspace {
  root: string;
  files: string[];
  bytes: number;
}

export interface GeneratorOptions {
  teams: number;
  filesPerTeam: number;
  /** Roughly how large each ordinary file is. */
  bytesPerFile: number;
}

export const DEFAULT_GENERATOR: GeneratorOptions = { teams: 40, filesPerTeam: 25, bytesPerFile: 10_800 };

/** Writes the workspace under `root`: 1 + teams × filesPerTeam files (two of each team's are shared). */
export function generateWorkspace(root: string, options: GeneratorOptions = DEFAULT_GENERATOR): GeneratedWorkspace {
  const files: string[] = [];
  let bytes = 0;
  const write = (name: string, text: string) => {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    files.push(file);
    bytes += Buffer.byteLength(text);
  };
  write("peanut.tsk", '$region = "eu-west-1"\n$env = @env("APP_ENV", "development")\n$timeout = "5s"\n');
  const regular = options.filesPerTeam - 2;
  for (let t = 0; t < options.teams; t++) {
    const team = `team-${t}`;
    write(`${team}/shared.tsk`, `$team_owner = "${team}@example.com"\n$team_tier = ${t % 3}\n`);
    write(`${team}/config/db.tsk`, `database {\n    host = "db-${t}.internal"\n    port = ${5432 + t}\n    pool { min = 2, max = 20 }\n}\n`);
    for (let f = 0; f < regular; f++) write(`${team}/service-${f}.tsk`, serviceFile(t, f, regular, options));
  }
  return { root, files, bytes };
}

function serviceFile(t: number, f: number, perTeam: number, options: GeneratorOptions): string {
  const svc = (team: number, file: number, k: number) => `svc_${team}_${file}_${k}`;
  const lines: string[] = [`# team ${t}, file ${f}: generated for the workspace benchmark`];
  if (f % 2 === 0) lines.push('@import("shared.tsk")');
  lines.push(`$local_${f} = "file-${f}"`, "", "[services]");
  for (let k = 0; k < 5; k++) {
    const next = f + 1 < perTeam ? svc(t, f + 1, k) : svc((t + 1) % options.teams, 0, k);
    lines.push(
      `${svc(t, f, k)} {`,
      `    url = "http://${svc(t, f, k)}:8080"`,
      `    port = ${8000 + k}`,
      `    depends_on = ["${next}"]`,
      "    timeout = $timeout",
      `    replicas = $env == "production" ? 3 : 1`,
      `    tags = ["team-${t}", "tier-${k}"]`,
      "}",
    );
  }
  lines.push("", "[api_gateway]", 'provider = "kong"', "routes {");
  for (let k = 0; k < 5; k++) lines.push(`    "/t${t}/f${f}/r${k}" = { service = "${svc(t, f, k)}", methods = ["GET", "POST"], timeout = "5s" }`);
  lines.push("}", "", `[app_${t}_${f}]`, 'db_host = @db.tsk.get("database.host")', 'db_port = @db.tsk.get("database.port")');
  lines.push("region = $region", `owner = ${f % 2 === 0 ? "$team_owner" : '"nobody"'}`, `label = $local_${f}`);
  let text = lines.join("\n") + "\n";
  for (let i = 0; text.length < options.bytesPerFile; i++) {
    text += [
      "",
      `settings_${i} {`,
      `    enabled = ${i % 2 === 0}`,
      `    retries = ${i % 7}`,
      `    window = "${(i % 5) + 1}m"`,
      `    endpoints = ["http://host-${i}.internal:9000", "http://host-${i}.backup:9000"]`,
      `    limits = { requests = ${1000 + i}, burst = ${i % 50}, period = "1s" }`,
      "    nested {",
      `        level = "${i % 3 === 0 ? "debug" : "info"}"`,
      `        owner = $region`,
      "    }",
      "}",
      "",
    ].join("\n");
  }
  return text;
}
