import Foundation
import XCTest
@testable import Notebook

final class NotebookFinderTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func setUpWithError() throws {
        folder = try TemporaryFolder()
        for name in ["b.md", "a.md", "notes.txt", "sub/c.md", "sub/drafts/d.md", "drafts/e.md", ".hidden/f.md",
                     ".build/g.md", ".build-release/h.md", ".secret.md", "sub/x.wip.md", "z/deep/old/i.md"] {
            try folder.write(name, "text\n")
        }
    }

    override func tearDown() { folder.remove() }

    private func relative(_ paths: [String]) -> [String] {
        paths.map { String($0.dropFirst(folder.path.count + 1)) }
    }

    func testFoldersAreWalkedSortedSkippingHiddenAndBuildFolders() {
        let found = NotebookFinder.find([folder.path])
        XCTAssertEqual(relative(found.notebooks), ["a.md", "b.md", "drafts/e.md", "sub/c.md", "sub/drafts/d.md", "sub/x.wip.md", "z/deep/old/i.md"])
        XCTAssertTrue(found.errors.isEmpty)
    }

    func testExcludeGlobs() {
        let patterns = ["drafts/", "*.wip.md", "z/**/old"].map(GlobPattern.init)
        XCTAssertEqual(relative(NotebookFinder.find([folder.path], excluding: patterns).notebooks), ["a.md", "b.md", "sub/c.md"])
        XCTAssertEqual(relative(NotebookFinder.find([folder.path], excluding: [GlobPattern("/drafts")]).notebooks),
                       ["a.md", "b.md", "sub/c.md", "sub/drafts/d.md", "sub/x.wip.md", "z/deep/old/i.md"])
    }

    func testFilesAreTakenAsGivenOnceEach() {
        let found = NotebookFinder.find([folder.url("b.md"), folder.url("notes.txt"), folder.url("./b.md"), folder.url(".secret.md")])
        XCTAssertEqual(relative(found.notebooks), ["b.md", "notes.txt", ".secret.md"])
    }

    func testMissingPathIsAnError() {
        let found = NotebookFinder.find([folder.url("nope.md"), folder.url("a.md")])
        XCTAssertEqual(found.errors.map(\.description), ["\(folder.url("nope.md")): error: no such file or folder"])
        XCTAssertEqual(relative(found.notebooks), ["a.md"])
    }

    func testSymlinkedFolderIsNotFollowedButSymlinkedFileIs() throws {
        try FileManager.default.createSymbolicLink(atPath: folder.url("loop"), withDestinationPath: folder.path)
        try FileManager.default.createSymbolicLink(atPath: folder.url("alias.md"), withDestinationPath: folder.url("a.md"))
        let found = NotebookFinder.find([folder.path], excluding: [GlobPattern("sub"), GlobPattern("drafts"), GlobPattern("z")])
        XCTAssertEqual(relative(found.notebooks), ["a.md", "alias.md", "b.md"])
    }

    func testGlobSegments() {
        XCTAssertTrue(GlobPattern("*.md").matches(relativePath: "a/b/c.md", isFolder: false))
        XCTAssertFalse(GlobPattern("*.md").matches(relativePath: "a/b/c.mdx", isFolder: false))
        XCTAssertTrue(GlobPattern("lesson-?.md").matches(relativePath: "lesson-3.md", isFolder: false))
        XCTAssertTrue(GlobPattern("lesson-[0-4].md").matches(relativePath: "x/lesson-3.md", isFolder: false))
        XCTAssertFalse(GlobPattern("lesson-[!0-4].md").matches(relativePath: "lesson-3.md", isFolder: false))
        XCTAssertTrue(GlobPattern("a/*/c.md").matches(relativePath: "a/b/c.md", isFolder: false))
        XCTAssertFalse(GlobPattern("a/*/c.md").matches(relativePath: "a/b/d/c.md", isFolder: false))
        XCTAssertTrue(GlobPattern("a/**/c.md").matches(relativePath: "a/c.md", isFolder: false))
        XCTAssertTrue(GlobPattern("a/**/c.md").matches(relativePath: "a/x/y/c.md", isFolder: false))
        XCTAssertTrue(GlobPattern("**/c.md").matches(relativePath: "q/c.md", isFolder: false))
        XCTAssertTrue(GlobPattern("a/**").matches(relativePath: "a/x/y.md", isFolder: false))
        XCTAssertFalse(GlobPattern("build/").matches(relativePath: "build", isFolder: false))
        XCTAssertTrue(GlobPattern("build/").matches(relativePath: "x/build", isFolder: true))
        XCTAssertTrue(GlobPattern("\\*.md").matches(relativePath: "*.md", isFolder: false))
        XCTAssertFalse(GlobPattern("\\*.md").matches(relativePath: "a.md", isFolder: false))
        XCTAssertTrue(GlobPattern("[ab").matches(relativePath: "[ab", isFolder: false))
    }

    func testShardsPartitionTheSortedList() throws {
        let paths = ["d.md", "a.md", "c.md", "b.md", "e.md"]
        let shards = (1...2).map { Shard(index: $0, count: 2)!.select(paths) }
        XCTAssertEqual(shards, [["a.md", "c.md", "e.md"], ["d.md", "b.md"]])
        XCTAssertEqual(Shard("2/3"), Shard(index: 2, count: 3))
        XCTAssertNil(Shard("0/3"))
        XCTAssertNil(Shard("4/3"))
        XCTAssertNil(Shard("1/0"))
        XCTAssertNil(Shard("x"))
    }
}
