import Synchronization

/// The Bayeux protocol as Faye's server speaks it (protocol.md), over any engine. It knows
/// nothing of HTTP or sockets: transports hand it parsed batches and listeners. Every method
/// is safe to call from any thread.
public final class BayeuxServer: Sendable {
    let engine: any BayeuxEngine
    let configuration: BayeuxConfiguration
    let advice: Advice
    let publishers: Mutex<PublisherTokens?>
    let publishedMessages = Atomic<Int>(0)
    let refusedPublishes = Atomic<Int>(0)

    /// `publishers == nil` (no tokens file) refuses every publish.
    public init(engine: any BayeuxEngine, configuration: BayeuxConfiguration, publishers: PublisherTokens?) {
        self.engine = engine
        self.configuration = configuration
        advice = Advice(configuration)
        self.publishers = Mutex(publishers)
    }

    /// Processes one batch. `completion` is called exactly once: synchronously on the calling
    /// thread with the Memory engine, possibly later from another thread with an async one.
    public func process(_ batch: [BayeuxMessage], context: BayeuxRequestContext,
                        completion: @escaping @Sendable (BayeuxBatchResult) -> Void) {
        guard !batch.isEmpty else {
            completion(BayeuxBatchResult(replies: [], connect: nil))
            return
        }
        let gatherer = ReplyGatherer(expecting: batch.count, completion: completion)
        for message in batch {
            switch MessageRoute(channel: message.channel) {
            case .handshake: handshake(message, gatherer: gatherer)
            case .connect: connect(message, gatherer: gatherer)
            case .subscribe: changeSubscriptions(message, context: context, subscribing: true, gatherer: gatherer)
            case .unsubscribe: changeSubscriptions(message, context: context, subscribing: false, gatherer: gatherer)
            case .disconnect: disconnect(message, gatherer: gatherer)
            case .unknownMeta: gatherer.add(unknownMeta(message))
            case .publish: gatherer.add(publish(message, context: context))
            }
        }
    }

    /// Swaps in a reloaded tokens file (SIGHUP); publishes already checked are unaffected.
    public func replacePublishers(_ tokens: PublisherTokens?) {
        publishers.withLock { $0 = tokens }
    }

    public var statistics: BayeuxStatistics {
        var statistics = engine.statistics
        statistics.publishedMessages = publishedMessages.load(ordering: .relaxed)
        statistics.refusedPublishes = refusedPublishes.load(ordering: .relaxed)
        return statistics
    }
}
