// The WHATWG URL class exists in every runtime shared/ runs in (Node, Chromium, Electron), but
// lib ES2022 does not declare it; only the members shared/ uses are declared here.
declare class URL {
  constructor(input: string, base?: string);
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  readonly username: string;
  readonly password: string;
}
