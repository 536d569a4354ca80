/// An index file could not be written or opened; ``message`` says why, as a sentence.
public struct IndexError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, broadly.
    public enum Kind: String, Sendable, Hashable {
        /// The operating system refused (open, read, write, fsync, rename, mmap).
        case io
        /// The file is not a Kartotek index (wrong magic).
        case notAnIndex
        /// The file was written by an incompatible format version.
        case unsupportedVersion
        /// The file is shorter than its header says.
        case truncated
        /// A checksum or a structural check failed.
        case corrupt
    }

    /// The kind of failure.
    public var kind: Kind
    /// The file involved.
    public var path: String
    /// Byte offset in the file where the problem was found, if known.
    public var offset: Int?
    /// A human sentence.
    public var message: String

    /// Creates an error.
    public init(kind: Kind, path: String, offset: Int? = nil, message: String) {
        self.kind = kind
        self.path = path
        self.offset = offset
        self.message = message
    }

    /// The sentence.
    public var description: String { message }
}
