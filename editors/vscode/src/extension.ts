// The argmap extension: starts the language server (`argmap lsp`) for .argmap files and
// opens the live preview beside the editor.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";
import { PreviewManager } from "./preview";

const INSTALL = "pip install 'argmap[lsp]'";
let client: LanguageClient | undefined;
let output: vscode.OutputChannel;

/**
 * The argmap executable: `argmap.path` (`~` and `${workspaceFolder}` expanded, a relative
 * path taken from the first workspace folder); left at `argmap`, the workspace's own
 * `.venv` first (in a trusted workspace), as a project that installs argmap there
 * expects, else `argmap` on PATH.
 */
function executable(): string {
  const configured = vscode.workspace.getConfiguration("argmap").get<string>("path", "argmap").trim();
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!configured || configured === "argmap") {
    // A workspace's own executable runs only once the workspace is trusted.
    const folders = vscode.workspace.isTrusted ? vscode.workspace.workspaceFolders ?? [] : [];
    for (const workspace of folders) {
      const candidates = process.platform === "win32"
        ? [path.join(workspace.uri.fsPath, ".venv", "Scripts", "argmap.exe")]
        : [path.join(workspace.uri.fsPath, ".venv", "bin", "argmap")];
      const found = candidates.find((candidate) => fs.existsSync(candidate));
      if (found) {
        return found;
      }
    }
    return "argmap";
  }
  let expanded = configured.replace(/^~(?=$|[\\/])/, os.homedir());
  if (folder) {
    expanded = expanded.replace(/\$\{workspaceFolder\}/g, folder);
  }
  const isPath = expanded.includes("/") || expanded.includes("\\");
  return isPath && folder && !path.isAbsolute(expanded) ? path.join(folder, expanded) : expanded;
}

/** The `argmap.semantics` setting; undefined leaves the project's own setting in force. */
function semantics(): string | undefined {
  const chosen = vscode.workspace.getConfiguration("argmap").get<string>("semantics", "project");
  return chosen === "project" ? undefined : chosen;
}

function makeClient(): LanguageClient {
  const command = executable();
  const serverOptions: ServerOptions = {
    run: { command, args: ["lsp"], transport: TransportKind.stdio },
    debug: { command, args: ["lsp"], transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "argmap" },
      { scheme: "untitled", language: "argmap" },
    ],
    // The server reads its settings once, at start: a change of them restarts it (below).
    initializationOptions: { semantics: semantics() ?? null },
    outputChannel: output,
  };
  return new LanguageClient("argmap", "argmap language server", serverOptions, clientOptions);
}

/** Starts the server; when it cannot start, says why and how to fix it, once. */
async function startClient(): Promise<void> {
  client = makeClient();
  try {
    await client.start();
  } catch (error) {
    const failed = client;
    client = undefined;
    await failed.dispose().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    output.appendLine(`could not start \`${executable()} lsp\`: ${reason}`);
    const settings = "Open Settings";
    const choice = await vscode.window.showErrorMessage(
      `argmap: could not start the language server \`${executable()} lsp\` (${reason}). ` +
        `Install it with \`${INSTALL}\`, or set \`argmap.path\` to the argmap executable.`,
      settings,
    );
    if (choice === settings) {
      await vscode.commands.executeCommand("workbench.action.openSettings", "argmap.path");
    }
  }
}

async function stopClient(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    await running.stop().catch(() => undefined);
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("argmap");
  context.subscriptions.push(output);
  const previews = new PreviewManager(context, () => client, output);
  context.subscriptions.push(
    previews,
    vscode.commands.registerCommand("argmap.showPreview", (uri?: vscode.Uri) =>
      previews.show(uri),
    ),
    vscode.commands.registerCommand("argmap.restartServer", async () => {
      await stopClient();
      await startClient();
      previews.refreshAll();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      // Trust may bring the workspace's own .venv/bin/argmap into use.
      await stopClient();
      await startClient();
      previews.refreshAll();
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      // The server is started with these settings: a change restarts it.
      if (event.affectsConfiguration("argmap.path") || event.affectsConfiguration("argmap.semantics")) {
        await stopClient();
        await startClient();
        previews.refreshAll();
      }
    }),
  );
  vscode.window.registerWebviewPanelSerializer?.(PreviewManager.viewType, {
    deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) =>
      previews.restore(panel, state),
  });
  await startClient();
  previews.refreshAll();
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
