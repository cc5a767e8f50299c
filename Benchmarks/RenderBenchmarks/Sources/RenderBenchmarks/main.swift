import CmarkBaseline
import Foundation
import Notebook

/// Times `litgrad render` on the bundled lessons (target: under 0.5 s) and
/// on a 10 MB Markdown file without cells, against libcmark's own HTML
/// rendering of the same bytes (target: at least half its throughput).
/// Each figure is the median of several runs after a warm-up.

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(runs: Int, _ body: () -> Void) -> Double {
    body()
    return (0..<runs).map { _ in seconds(body) }.sorted()[runs / 2]
}

func format(_ value: Double) -> String { String(format: "%.3f", value) }

let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path
let lessons = repository + "/notebooks"
let scratch = NSTemporaryDirectory() + "litgrad-render-benchmarks-\(ProcessInfo.processInfo.processIdentifier)"
defer { try? FileManager.default.removeItem(atPath: scratch) }

// 1. The bundled lessons, with the real interpreter and with outputs replayed.
for (label, runner) in [("interpreter", CellRunners.interpreter), ("replayed outputs", ReplayRunner.factory)] {
    var options = RenderOptions(outputDirectory: scratch + "/lessons-\(label.hasPrefix("i") ? "run" : "replay")")
    options.makeRunner = runner
    var status: Int32 = 0
    let time = median(runs: 5) { status = SiteRenderer.render(paths: [lessons], options: options).exitCode }
    if status != 0 {
        let errors = SiteRenderer.render(paths: [lessons], options: options).errors
        print("bundled lessons (\(label)): render failed: \(errors.first?.split(separator: "\n").first ?? "")")
        continue
    }
    print("bundled lessons (\(label)): \(format(time)) s (target < 0.5 s) \(time < 0.5 ? "ok" : "TOO SLOW")")
    // From scratch: a new folder each time, so KaTeX is copied and every page written.
    var fresh = 0
    let cold = median(runs: 5) {
        fresh += 1
        options.outputDirectory = scratch + "/cold-\(fresh)"
        _ = SiteRenderer.render(paths: [lessons], options: options)
    }
    print("bundled lessons (\(label), into an empty folder): \(format(cold)) s (target < 0.5 s) \(cold < 0.5 ? "ok" : "TOO SLOW")")
}

// 2. 10 MB of lesson prose (math, code spans, headings) without cells.
var prose = ""
if let lesson = try? String(contentsOfFile: lessons + "/01-scalar-chain.md", encoding: .utf8) {
    var inFence = false
    for line in lesson.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(4) {
        if line.hasPrefix("```") { inFence.toggle(); continue }
        if !inFence { prose += line + "\n" }
    }
}
var big = ""
var part = 0
while big.utf8.count < 10 << 20 {
    part += 1
    big += prose.replacingOccurrences(of: "\n# ", with: "\n# Part \(part): ")
}
let bigFolder = scratch + "/big"
try? FileManager.default.createDirectory(atPath: bigFolder, withIntermediateDirectories: true)
FileManager.default.createFile(atPath: bigFolder + "/big.md", contents: Data(big.utf8))
let megabytes = Double(big.utf8.count) / Double(1 << 20)

let bytes = Array(big.utf8)
func cmarkToHTML() {
    bytes.withUnsafeBufferPointer { buffer in
        buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { text in
            if let html = cmark_markdown_to_html(text, buffer.count, CMARK_OPT_DEFAULT) { free(html) }
        }
    }
}
var options = RenderOptions(outputDirectory: scratch + "/big-site")
options.makeRunner = ReplayRunner.factory
func renderBig() { _ = SiteRenderer.render(paths: [bigFolder], options: options) }
// Interleaved, so a busy machine slows both sides alike.
cmarkToHTML()
renderBig()
var cmarkTimes: [Double] = [], renderTimes: [Double] = []
for _ in 0..<7 {
    cmarkTimes.append(seconds(cmarkToHTML))
    renderTimes.append(seconds(renderBig))
}
let cmarkTime = cmarkTimes.sorted()[3], renderTime = renderTimes.sorted()[3]
let cmarkRate = megabytes / cmarkTime, renderRate = megabytes / renderTime
print("10 MB without cells: cmark \(format(cmarkRate)) MB/s, litgrad render \(format(renderRate)) MB/s, ratio \(format(renderRate / cmarkRate)) (target >= 0.5) \(renderRate >= cmarkRate / 2 ? "ok" : "TOO SLOW")")
