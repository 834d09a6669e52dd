import Glibc

// Signals are blocked before any thread exists so every loop thread inherits the mask
// and only the main thread, in `Launch.waitForSignals`, ever takes them.
Signals.block()
exit(Launch.run(arguments: Array(CommandLine.arguments.dropFirst())))
