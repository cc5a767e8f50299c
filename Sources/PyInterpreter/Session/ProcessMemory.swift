#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's resident memory, for the `maxMemoryBytes` limit: lists,
/// dicts and strings are not counted one by one (tensors are, exactly), so a
/// bomb built from Python objects is caught by what the system sees.
enum ProcessMemory {
    /// Resident bytes from /proc/self/statm (nil where there is no /proc).
    static func residentBytes() -> Int? {
        let fd = open("/proc/self/statm", O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { return nil }
        // "size resident shared ...", in pages.
        var fields = buffer[0..<n].split(separator: UInt8(ascii: " "))
        guard fields.count >= 2 else { return nil }
        fields.removeFirst()
        guard let pages = Int(String(decoding: fields[0], as: UTF8.self)) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
