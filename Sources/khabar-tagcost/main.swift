import Foundation
import KhabarArabic
import KhabarTagging

// khabar-tagcost FILE.jsonl [--no-names] [--no-statistics] [--passes N]: one counted pass (or N)
// of analysis, tags and attribution over the articles of FILE (title, body, source, author), after
// one uncounted pass, with term statistics (and learned names) made from them first unless
// --no-statistics. It exists to be run under callgrind (`scripts/bench tags-instructions`), which
// collects only inside `instructionPass` and reads the analyzer's, the tags' and the attribution's
// inclusive instruction counts: on a shared machine wall time moves by ±20 %, instructions do not.
// (The khabar binary itself is too large for the valgrind of this Debian release.) With many
// passes, under `perf record` (`scripts/bench tags-profile`), the counted passes outweigh loading
// and the statistics, and the samples say where the wall time goes.

struct Article: Decodable {
    var title: String?
    var body: String?
    var source: String?
    var author: String?
}

/// One pass: analysis, tags and attribution of every article; the count of tags and credits.
/// Called once uncounted, as `khabar bench tags` keeps the best of five: the per-thread memos
/// (words, bylines, outlets) are warm when `instructionPass` runs, as they are in the pipeline.
@inline(never)
func onePass(_ items: [(String, String, String?, String?)], _ tagger: Tagger, _ statistics: TermStatistics?) -> Int {
    var n = 0
    for (t, b, source, author) in items {
        let ta = tagger.analyzer.analyze(t), ba = tagger.analyzer.analyze(b)
        n += tagger.tags(title: t, body: b, titleAnalysis: ta, bodyAnalysis: ba, statistics: statistics).count
        n += tagger.attribution(outlet: source, author: author, body: b, bodyAnalysis: ba).credits.count
    }
    return n
}

/// The pass callgrind counts (collection is toggled on inside this function).
@inline(never)
func instructionPass(_ items: [(String, String, String?, String?)], _ tagger: Tagger, _ statistics: TermStatistics?) -> Int {
    onePass(items, tagger, statistics)
}

let args = Array(CommandLine.arguments.dropFirst())
let usage = "usage: khabar-tagcost FILE.jsonl [--no-names] [--no-statistics] [--passes N]\n"
var passes = 1
var path: String? = nil
var k = 0
while k < args.count {
    if args[k] == "--passes" {
        guard k + 1 < args.count, let n = Int(args[k + 1]), n >= 1 else {
            FileHandle.standardError.write(Data("khabar-tagcost: --passes needs a whole number ≥ 1\n".utf8))
            exit(2)
        }
        passes = n
        k += 2
        continue
    }
    if !args[k].hasPrefix("--") { path = args[k] }
    k += 1
}
guard let path else {
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}
var tagger = Tagger()
tagger.findsNames = !args.contains("--no-names")
let data: Data
do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
    FileHandle.standardError.write(Data("khabar-tagcost: cannot read \(path): \(error.localizedDescription)\n".utf8))
    exit(1)
}
var items: [(String, String, String?, String?)] = []
let decoder = JSONDecoder()
for (n, line) in data.split(separator: 10).enumerated() where !line.isEmpty {
    guard let a = try? decoder.decode(Article.self, from: Data(line)) else {
        FileHandle.standardError.write(Data("khabar-tagcost: \(path):\(n + 1): not an article JSON object\n".utf8))
        exit(1)
    }
    items.append((a.title ?? "", a.body ?? "", a.source, a.author))
}
var stats: TermStatistics? = nil
if !args.contains("--no-statistics") {
    var s = TermStatistics()
    for (t, b, _, _) in items { s.add(title: t, body: b, tagger: tagger) }
    stats = s
}
_ = tagger.tags(title: "تجربة", body: "تجربة أولى", statistics: stats)   // lazy tables, outside the pass
_ = tagger.attribution(outlet: nil, author: nil, body: "تجربة")
let warm = onePass(items, tagger, stats)
var counted = 0
for _ in 0..<passes { counted = instructionPass(items, tagger, stats) }
if warm != counted { FileHandle.standardError.write(Data("khabar-tagcost: the two passes disagree (\(warm) vs \(counted))\n".utf8)) }
print("\(items.count) articles, \(counted) tags and credits")
