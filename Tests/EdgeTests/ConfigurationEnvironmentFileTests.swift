import Testing
@testable import Edge

@Suite struct ConfigurationEnvironmentFileTests {
    func values(_ text: String) -> [String: String] {
        let file = EnvironmentFile(text: text, path: "test.env")
        #expect(file.problems.isEmpty, "\(file.problems)")
        return Dictionary(file.entries.map { ($0.name, $0.value) }) { $1 }
    }

    @Test func commentsAndBlankLinesAreSkipped() {
        let file = EnvironmentFile(text: "# Redis\n\n   \n  # indented comment\nREDIS_HOST=redis\n", path: "test.env")
        #expect(file.entries == [EnvironmentFile.Entry(name: "REDIS_HOST", value: "redis", line: 5)])
    }

    @Test func inlineCommentAfterAnUnquotedValueIsStripped() {
        #expect(values("REDIS_REQUIREPASS=strong-requirepass-password # optional") == [
            "REDIS_REQUIREPASS": "strong-requirepass-password",
        ])
        #expect(values("A=x\t# tab before the hash") == ["A": "x"])
    }

    @Test func hashInsideAnUnquotedValueIsKept() {
        #expect(values("FAYE_SSL_CIPHERS=HIGH:!aNULL#x\nB=#leading") == ["FAYE_SSL_CIPHERS": "HIGH:!aNULL#x", "B": "#leading"])
    }

    @Test func exportPrefixIsAccepted() {
        #expect(values("export FAYE_MOUNT=/faye\nexport\tFAYE_TAG=t") == ["FAYE_MOUNT": "/faye", "FAYE_TAG": "t"])
    }

    @Test func variableNamedExportStillWorks() {
        #expect(values("export=1") == ["export": "1"])
    }

    @Test func singleQuotedValuesAreLiteral() {
        #expect(values(#"A='a # not a comment \n $HOME'"#) == ["A": #"a # not a comment \n $HOME"#])
    }

    @Test func doubleQuotedValuesUnderstandEscapes() {
        #expect(values(#"A="line\nnext \"q\" \\ \$x \d""#) == ["A": "line\nnext \"q\" \\ $x \\d"])
    }

    @Test func commentMayFollowAClosingQuote() {
        #expect(values(#"A="x y"   # why"# + "\nB='z' # too") == ["A": "x y", "B": "z"])
    }

    @Test func spacesAroundTheEqualsSignAndTheValueAreDropped() {
        #expect(values("  A = spaced value  \nB=") == ["A": "spaced value", "B": ""])
    }

    @Test func windowsLineEndingsAndAByteOrderMarkAreTolerated() {
        let file = EnvironmentFile(text: "\u{FEFF}A=1\r\nB=2\r\n", path: "test.env")
        #expect(file.entries == [
            EnvironmentFile.Entry(name: "A", value: "1", line: 1), EnvironmentFile.Entry(name: "B", value: "2", line: 2),
        ])
    }

    @Test func valueMayContainEqualsSigns() {
        #expect(values("A=b=c") == ["A": "b=c"])
    }

    @Test func bareNameMeansFromTheEnvironmentAndIsSkipped() {
        #expect(EnvironmentFile(text: "REDIS_HOST\n", path: "test.env") == EnvironmentFile(text: "", path: "test.env"))
    }

    @Test func malformedLinesAreFatalAndNameFileAndLine() {
        let file = EnvironmentFile(
            text: "A=1\nthis is not a setting\n1A=2\nB=\"open\nC='x' trailing\nD=\"ok\"\n", path: "/etc/edge.env")
        #expect(file.entries.map(\.name) == ["A", "D"])
        #expect(file.problems.map(ConfigurationReport.line) == [
            #"fatal: /etc/edge.env line 2: expected NAME=VALUE, found "this is not a setting""#,
            #"fatal: /etc/edge.env line 3: "1A" is not a variable name; expected NAME=VALUE"#,
            #"fatal: /etc/edge.env line 4: B: the value has no closing " on its line (values spanning lines are not supported)"#,
            #"fatal: /etc/edge.env line 5: C: unexpected "trailing" after the closing '"#,
        ])
    }

    @Test func laterLineWinsInTheLoadedConfiguration() {
        let loaded = load(["--env-file", "/srv/.env"], files: [
            "/srv/.env": "FAYE_HTTP_PORT=4242\nFAYE_HTTP_PORT=80\n", presentTokensFile: "{}",
        ])
        #expect(loaded.configuration.listening.httpPort == 80)
        #expect(loaded.input[.httpPort]?.source == .environmentFile(path: "/srv/.env", line: 2))
    }

    @Test func missingEnvFileIsFatal() {
        #expect(load(["--env-file", "/nowhere.env"]).lines == ["fatal: --env-file: cannot read /nowhere.env: no such file"])
    }

    @Test func envFileThatIsNotUTF8IsFatal() {
        let fileSystem = FakeFileSystem(files: ["/srv/.env": [0x41, 0x3D, 0xFF], presentTokensFile: []])
        let loader = ConfigurationLoader(environment: [:], workingDirectory: "/srv", processorCount: 2, fileSystem: fileSystem)
        #expect(loader.load(arguments: ["--env-file", "/srv/.env"]).lines == ["fatal: --env-file: /srv/.env is not UTF-8 text"])
    }

    @Test func badValueInTheFileNamesFileAndLine() {
        let loaded = load(["--env-file", "prod.env"], files: ["prod.env": "\n\nFAYE_HTTPS_PORT=abc\n", presentTokensFile: "{}"])
        #expect(loaded.lines == [
            #"fatal: FAYE_HTTPS_PORT: expected a port number 1-65535, found "abc" (from prod.env line 3)"#,
        ])
    }
}
