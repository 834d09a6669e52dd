# Subscribes to --channels and prints every message received as {"channel", "data"};
# prints {"event":"ready"} once every subscription is confirmed, with the transport
# the client ended up on. With --unsubscribe-after N it unsubscribes after N messages.
require_relative 'common'

options = parse_options
received = 0
EM.run do
  client = make_client(options)
  subscriptions = options[:channels].map do |channel|
    client.subscribe(channel).with_channel do |name, data|
      received += 1
      emit(event: 'message', channel: name, data: data)
      if options[:unsubscribe_after] && received == options[:unsubscribe_after]
        subscriptions.each(&:cancel)
        EM.add_timer(0.5) { emit(event: 'unsubscribed') }
      end
      EM.stop if options[:expect] && received >= options[:expect]
    end
  end
  confirmed = 0
  subscriptions.each do |subscription|
    subscription.callback do
      confirmed += 1
      emit(event: 'ready', transport: transport_of(client)) if confirmed == subscriptions.size
    end
    subscription.errback { |error| emit(event: 'subscribe-failed', error: error.message) }
  end
  EM.add_timer(options[:timeout]) { EM.stop }
end
emit(event: 'done', received: received)
