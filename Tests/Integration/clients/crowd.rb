# --clients Faye clients in one reactor, each subscribed to --channel; counts what each
# receives. Prints {"event":"ready","transports":{name => clients}} once all are
# subscribed and on --transport (a Faye client starts on long-polling and moves to
# WebSocket when its probe connection opens, later under load), or at --timeout; at
# the end {"event":"done","counts":[[messages of client 0], ...]}.
require_relative 'common'

options = parse_options(clients: 10)
received = Hash.new { |hash, key| hash[key] = [] }
clients = []
EM.run do
  confirmed = 0
  options[:clients].times do |index|
    client = make_client(options)
    clients << client
    subscription = client.subscribe(options[:channel]) do |data|
      received[index] << data['n']
      total = received.values.map(&:size).sum
      EM.stop if options[:expect] && total >= options[:expect] * options[:clients]
    end
    subscription.callback do
      confirmed += 1
      next unless confirmed == options[:clients]
      announce = lambda do
        transports = clients.map { |c| transport_of(c) }.tally
        if transports.keys == [options[:transport]]
          emit(event: 'ready', transports: transports)
        else
          EM.add_timer(0.2, &announce)
        end
      end
      announce.call
    end
    subscription.errback { |error| emit(event: 'subscribe-failed', error: error.message) }
  end
  EM.add_timer(options[:timeout]) { EM.stop }
end
emit(event: 'done', counts: (0...options[:clients]).map { |i| received[i] })
