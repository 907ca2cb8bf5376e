/**
 * `ssh [options] host command…`: the words after the host are joined with spaces and run by the
 * remote user's shell, so they are a script like `bash -c`'s. Options may also follow the host
 * (`ssh host -t 'rm -rf /'`), and `-o RemoteCommand=…` gives the script as an option. The remote
 * home and working directory are unknown here: the script is judged as if it ran locally (so
 * `ssh host 'rm -rf ~'` is still the home directory, and a relative path is read against the
 * local working directory).
 */
import { commandName } from './interpreters.ts';

/** ssh options that take a value (OpenSSH), and autossh's monitor port `-M`. */
const SSH_VALUES = new Set('BbcDEeFIiJLlmOoPpQRSWw'.split(''));
const AUTOSSH_VALUES = new Set([...SSH_VALUES, 'M']);

/** The script `ssh … host CMD…` (or `autossh -M 0 …`) runs on the remote host, or undefined (not ssh, or an interactive login). */
export function sshRemoteScript(argv: readonly string[]): string | undefined {
  const name = commandName(argv[0] ?? '');
  if (name !== 'ssh' && name !== 'autossh') return undefined;
  // `ssh -M` is a flag (ControlMaster); `autossh -M PORT` takes a value.
  const values = name === 'ssh' ? SSH_VALUES : AUTOSSH_VALUES;
  let host: string | undefined;
  let remoteCommand: string | undefined;
  for (let i = 1; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--') {
      if (host === undefined) {
        host = argv[i + 1];
        i += 1;
        continue;
      }
      return joined(argv.slice(i + 1)) ?? remoteCommand;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j += 1) {
        const letter = arg.charAt(j);
        if (!values.has(letter)) continue;
        const value = j + 1 < arg.length ? arg.slice(j + 1) : argv[++i];
        const option = letter === 'o' ? /^\s*RemoteCommand\s*[= ]\s*([\s\S]*)$/i.exec(value ?? '') : null;
        if (option) remoteCommand = option[1];
        break;
      }
      continue;
    }
    if (host === undefined) {
      host = arg;
      continue;
    }
    return joined(argv.slice(i)) ?? remoteCommand;
  }
  return remoteCommand;
}

function joined(words: readonly string[]): string | undefined {
  return words.length === 0 ? undefined : words.join(' ');
}
