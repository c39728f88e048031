import CZlib
import Foundation
import KhabarModel

/// Reads a file line by line, transparently decompressing gzip (zlib's `gzread` passes plain files
/// through unchanged), in constant memory whatever the file size.
public final class LineReader {
    public let path: String
    private let file: gzFile
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEOF = false
    /// 1-based number of the line most recently returned.
    public private(set) var lineNumber = 0
    /// Size of the file on disk, for progress.
    public let totalBytes: Int64

    public init(path: String) throws {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw KhabarError.unreadable(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw KhabarError.unreadable(path: path, reason: "is a folder") }
        guard let handle = gzopen(path, "rb") else {
            throw KhabarError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        gzbuffer(handle, 1 << 17)
        file = handle
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        totalBytes = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
    }

    deinit { gzclose_r(file) }

    /// Bytes of the file consumed so far (compressed bytes for a gzip file).
    public var bytesRead: Int64 { Int64(gzoffset(file)) }

    /// The next line without its terminator (`\n` or `\r\n`), or nil at the end of the file.
    public func nextLine() throws -> [UInt8]? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 10) {
                var end = newline
                if end > start, buffer[end - 1] == 13 { end -= 1 }
                let line = Array(buffer[start..<end])
                start = newline + 1
                lineNumber += 1
                return line
            }
            if atEOF {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                lineNumber += 1
                return line
            }
            try fill()
        }
    }

    private func fill() throws {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        let chunk = 1 << 16
        let oldCount = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        let n = buffer.withUnsafeMutableBytes { raw in
            gzread(file, raw.baseAddress! + oldCount, UInt32(chunk))
        }
        if n < 0 {
            var code: Int32 = 0
            var message = gzerror(file, &code).map { String(cString: $0) } ?? "read error"
            // zlib starts its message with the path, which the error names already
            if message.hasPrefix(path + ": ") { message.removeFirst(path.count + 2) }
            buffer.removeSubrange(oldCount...)
            throw KhabarError.unreadable(path: path, reason: "\(message) after line \(lineNumber)")
        }
        buffer.removeSubrange((oldCount + Int(n))...)
        if n == 0 {
            // zlib reports a gzip stream cut short only through gzerror: Z_BUF_ERROR at the end
            // of the input means the file ended inside the stream (a truncated download or copy)
            var code: Int32 = 0
            _ = gzerror(file, &code)
            if code == Z_BUF_ERROR {
                throw KhabarError.unreadable(path: path, reason: "the compressed data ends early (a truncated file) after line \(lineNumber)")
            }
            atEOF = true
        }
    }
}
