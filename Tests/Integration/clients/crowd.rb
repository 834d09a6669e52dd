# --clients Faye clients in one reactor, each subscribed to --channel; counts what each
# receives. Prints {"event":"ready"} when all are subscribed, and at the end
# {"event":"done","counts":{n => [messages...]}}.
require_relative 'common'

options = parse_options(clients: 10)
received = Hash.new { |hash, key| hash[key] = [] }
EM.run do
  confirmed = 0
  options[:clients].times do |index|
    client = make_client(options)
    subscription = client.subscribe(options[:channel]) do |data|
      received[index] << data['n']
      total = received.values.map(&:size).sum
      EM.stop if options[:expect] && total >= options[:expect] * options[:clients]
    end
    subscription.callback do
      confirmed += 1
      emit(event: 'ready', transport: transport_of(client)) if confirmed == options[:clients]
    end
    subscription.errback { |error| emit(event: 'subscribe-failed', error: error.message) }
  end
  EM.add_timer(options[:timeout]) { EM.stop }
end
emit(event: 'done', counts: (0...options[:clients]).map { |i| received[i] })
