# Publishes --count messages {"n": i} to --channel back to back with the publisher
# credentials, then prints {"event":"published","ok":N,"errors":[...]} and the transport.
# It first waits until the client is connected: Faye's client sends the publish that
# triggered its handshake after the ones queued behind it, so a burst published
# before connecting starts out of order on any server.
require_relative 'common'

options = parse_options(count: 1)
ok = 0
errors = []
EM.run do
  client = make_client(options)
  client.add_extension(PublisherCredentials.new(options[:service], options[:token]))
  pending = options[:count]
  finish = lambda do
    pending -= 1
    if pending.zero?
      emit(event: 'published', ok: ok, errors: errors, transport: transport_of(client))
      EM.stop
    end
  end
  client.subscribe('/publisher/connected').callback do
    options[:count].times do |n|
      publication = client.publish(options[:channel], 'n' => n)
      publication.callback { ok += 1; finish.call }
      publication.errback { |error| errors << error.message; finish.call }
    end
  end
  EM.add_timer(options[:timeout]) { emit(event: 'timeout', ok: ok, errors: errors); EM.stop }
end
