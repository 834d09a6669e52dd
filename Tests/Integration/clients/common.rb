# Shared set-up for the Faye Ruby client scripts the integration tests drive.
# Every script prints JSON lines on stdout and stops its reactor on a timer, so a
# test that never gets its message fails instead of hanging.
require 'faye'
require 'json'
require 'optparse'

$stdout.sync = true

def emit(event)
  puts JSON.dump(event)
end

# Adds the publisher credentials of the ServerAuth rule to every non-meta message.
class PublisherCredentials
  def initialize(service, token)
    @service = service
    @token = token
  end

  def outgoing(message, callback)
    unless message['channel'].start_with?('/meta/')
      message['ext'] ||= {}
      message['ext']['service'] = @service if @service
      message['ext']['auth_token'] = @token if @token
    end
    callback.call(message)
  end
end

def parse_options(extra = {})
  options = { transport: 'websocket', timeout: 20, origin: nil, ca: ENV['SSL_CERT_FILE'] }.merge(extra)
  OptionParser.new do |parser|
    parser.on('--url URL') { |v| options[:url] = v }
    parser.on('--transport NAME') { |v| options[:transport] = v }
    parser.on('--timeout SECONDS', Float) { |v| options[:timeout] = v }
    parser.on('--origin ORIGIN') { |v| options[:origin] = v }
    parser.on('--channels LIST') { |v| options[:channels] = v.split(',') }
    parser.on('--channel NAME') { |v| options[:channel] = v }
    parser.on('--count N', Integer) { |v| options[:count] = v }
    parser.on('--clients N', Integer) { |v| options[:clients] = v }
    parser.on('--expect N', Integer) { |v| options[:expect] = v }
    parser.on('--unsubscribe-after N', Integer) { |v| options[:unsubscribe_after] = v }
    parser.on('--service NAME') { |v| options[:service] = v }
    parser.on('--token TOKEN') { |v| options[:token] = v }
  end.parse!
  options
end

def make_client(options)
  client = Faye::Client.new(options[:url], retry: 1, tls: { root_cert_file: options[:ca] })
  client.disable('websocket') if options[:transport] == 'long-polling'
  client.set_header('Origin', options[:origin]) if options[:origin]
  client
end

def transport_of(client)
  client.instance_variable_get(:@dispatcher).connection_type
end
