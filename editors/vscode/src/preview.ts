// The live preview: one webview beside each map's editor, redrawn from the language server's
// `argmap.preview` command on open and, debounced, on every change of the map's text.
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";

const DEBOUNCE_MS = 300;

/** The SVG in the server's answer: the text itself, or an object holding it. */
export function svgOf(answer: unknown): string | undefined {
  if (typeof answer === "string") {
    return answer;
  }
  if (answer && typeof answer === "object") {
    const value = (answer as Record<string, unknown>).svg;
    if (typeof value === "string") {
      return value;
    }
  }
  return undefined;
}

class Preview {
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private ready = false;

  constructor(
    readonly uri: vscode.Uri,
    readonly panel: vscode.WebviewPanel,
    private readonly client: () => LanguageClient | undefined,
    private readonly output: vscode.OutputChannel,
  ) {}

  schedule(delay = DEBOUNCE_MS): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delay);
  }

  markReady(): void {
    this.ready = true;
    void this.refresh();
  }

  async refresh(): Promise<void> {
    if (!this.ready) {
      return;
    }
    const asked = ++this.generation;
    const client = this.client();
    if (!client || !client.isRunning()) {
      this.post({
        type: "error",
        message:
          "The argmap language server is not running, so the map cannot be drawn. " +
          "Install it with pip install 'argmap[lsp]', or set argmap.path, then run " +
          "“argmap: Restart Language Server”.",
      });
      return;
    }
    try {
      const answer: unknown = await client.sendRequest("workspace/executeCommand", {
        command: "argmap.preview",
        arguments: [this.uri.toString()],
      });
      if (asked !== this.generation) {
        return; // a later edit has asked again; its drawing is the one to show
      }
      const svg = svgOf(answer);
      if (svg === undefined) {
        const said = answer && typeof answer === "object" ? (answer as Record<string, unknown>) : {};
        const message = typeof said.error === "string" ? said.error : typeof said.message === "string"
          ? said.message : "The map cannot be drawn: fix the errors the editor underlines.";
        this.post({ type: "error", message });
        return;
      }
      this.post({ type: "svg", svg, uri: this.uri.toString() });
    } catch (error) {
      if (asked !== this.generation) {
        return;
      }
      const reason = error instanceof Error ? error.message : String(error);
      this.output.appendLine(`preview of ${this.uri.fsPath}: ${reason}`);
      // The server says why in a sentence of its own ("the map has errors; fix them ...").
      this.post({ type: "error", message: reason.charAt(0).toUpperCase() + reason.slice(1) });
    }
  }

  private post(message: Record<string, unknown>): void {
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }
  }
}

export class PreviewManager implements vscode.Disposable {
  static readonly viewType = "argmap.preview";
  private readonly previews = new Map<string, Preview>();
  private readonly listeners: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => LanguageClient | undefined,
    private readonly output: vscode.OutputChannel,
  ) {
    this.listeners.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        this.previews.get(event.document.uri.toString())?.schedule();
      }),
      vscode.workspace.onDidSaveTextDocument((document) => {
        // A save may change what the map includes or its @document: draw again.
        if (document.languageId === "argmap") {
          for (const preview of this.previews.values()) {
            preview.schedule();
          }
        }
      }),
    );
  }

  /** Opens (or shows) the preview of `uri`, else of the active editor's map, beside it. */
  show(uri?: vscode.Uri): void {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    const document = vscode.window.activeTextEditor?.document;
    if (!target || (!uri && document?.languageId !== "argmap")) {
      void vscode.window.showInformationMessage("argmap: open an .argmap file to preview it.");
      return;
    }
    const existing = this.previews.get(target.toString());
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PreviewManager.viewType,
      this.title(target),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      this.options(),
    );
    this.adopt(target, panel);
  }

  /** A preview VS Code kept from the last session, if its map is known. */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = state && typeof state === "object" ? (state as Record<string, unknown>).uri : undefined;
    if (typeof saved !== "string") {
      panel.dispose();
      return;
    }
    panel.webview.options = this.options();
    this.adopt(vscode.Uri.parse(saved), panel);
  }

  refreshAll(): void {
    for (const preview of this.previews.values()) {
      void preview.refresh();
    }
  }

  dispose(): void {
    for (const preview of this.previews.values()) {
      preview.dispose();
      preview.panel.dispose();
    }
    this.previews.clear();
    for (const listener of this.listeners) {
      listener.dispose();
    }
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, "media")],
    };
  }

  private title(uri: vscode.Uri): string {
    const name = uri.path.split("/").pop() || uri.toString();
    return `Preview ${name}`;
  }

  private adopt(uri: vscode.Uri, panel: vscode.WebviewPanel): void {
    const key = uri.toString();
    const preview = new Preview(uri, panel, this.client, this.output);
    this.previews.set(key, preview);
    panel.title = this.title(uri);
    // A hidden preview's page is dropped (it keeps no context); shown again, its script
    // says "ready" and the map is drawn afresh.
    panel.webview.html = this.html(panel.webview);
    panel.webview.onDidReceiveMessage(async (message: { type?: string; id?: unknown }) => {
      if (message.type === "ready") {
        preview.markReady();
      } else if (message.type === "reveal" && typeof message.id === "string") {
        await reveal(uri, message.id);
      }
    });
    panel.onDidDispose(() => {
      preview.dispose();
      if (this.previews.get(key) === preview) {
        this.previews.delete(key);
      }
    });
  }

  private html(webview: vscode.Webview): string {
    const media = vscode.Uri.joinPath(this.context.extensionUri, "media");
    const values: Record<string, string> = {
      nonce: crypto.randomBytes(16).toString("base64"),
      cspSource: webview.cspSource,
      script: webview.asWebviewUri(vscode.Uri.joinPath(media, "preview.js")).toString(),
      style: webview.asWebviewUri(vscode.Uri.joinPath(media, "preview.css")).toString(),
    };
    const template = fs.readFileSync(path.join(this.context.extensionPath, "media", "preview.html"), "utf8");
    return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
  }
}

/** Shows the statement or argument `id` where the map defines it. */
async function reveal(uri: vscode.Uri, nodeId: string): Promise<void> {
  // The drawing's node ids are `statement-ID` (and `inference-…` for a named argument).
  const id = nodeId.replace(/^(?:statement|argument|inference)-/, "");
  const document = await vscode.workspace.openTextDocument(uri);
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const header = new RegExp(
    `^(?:premise|assumption|claim|conclusion|argument)[ \\t]+(${escaped})[ \\t]*:`,
    "mu",
  );
  const match = header.exec(document.getText());
  if (!match) {
    return; // defined in an included file, or not a statement: nothing to show here
  }
  const at = document.positionAt(match.index + (/^\S+[ \t]+/.exec(match[0])?.[0].length ?? 0));
  const range = new vscode.Range(at, at.translate(0, id.length));
  const column = vscode.window.visibleTextEditors.find(
    (editor) => editor.document.uri.toString() === uri.toString(),
  )?.viewColumn;
  const editor = await vscode.window.showTextDocument(document, { viewColumn: column, selection: range });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
