# The seed stack's Faye server, as bench/run.py runs it behind nginx: Faye on thin,
# mounted at /faye with timeout 60, the in-memory engine (the seed used Redis, which
# only adds work per message, so this is the faster of the two), and the seed's
# ServerAuth rule as an extension: a publish to a non-/meta/ channel needs
# ext.service and ext.auth_token from the tokens file and the service's Origin; the
# token is removed before the message is delivered.
require 'faye'
require 'json'

Faye::WebSocket.load_adapter('thin')
# EventMachine's default of 100,000 timers runs out under the long-polling scenario's
# load (Faye arms a timer per held connect) and thin then dies with "ran out of timers".
EM.set_max_timers(1_000_000)

class ServerAuth
  def initialize(path)
    @services = File.exist?(path) ? JSON.parse(File.read(path)) : {}
  end

  def incoming(message, request, callback)
    channel = message['channel'].to_s
    return callback.call(message) if channel.start_with?('/meta/')
    ext = message['ext'] || {}
    service = @services[ext['service'].to_s]
    origin = request && request.env['HTTP_ORIGIN']
    if service.nil? || service['auth_token'] != ext['auth_token'] || service['origin'] != origin
      message['error'] = "403:#{channel}:publish refused"
    else
      ext.delete('auth_token')
    end
    callback.call(message)
  end
end

tokens = File.join(ENV.fetch('FAYE_TOKENS_DIR', 'tokens'), ENV.fetch('FAYE_TOKENS_JSON_FILE', 'tokens.json'))
bayeux = Faye::RackAdapter.new(mount: ENV.fetch('FAYE_MOUNT', '/faye'), timeout: Integer(ENV.fetch('FAYE_TIMEOUT', '60')))
bayeux.add_extension(ServerAuth.new(tokens))
run bayeux
