// Checks what mvn lamina:train left behind and what it told the user, invocation by invocation.
def log = new File(basedir, 'build.log').text
def run = new File(basedir, 'target/lamina/Digits')

['best.safetensors', 'last.safetensors', 'checkpoint.safetensors', 'history.csv', 'metrics.json',
 'summary.txt'].each { name ->
    assert new File(run, name).isFile() : "missing run file ${name}"
}
assert new File(run, 'history.csv').readLines().size() == 3 : 'two epochs, two history rows'
assert log.contains('Report: ') && log.contains('target/lamina/Digits/report.html')

def expect = { String message -> assert log.contains(message) : "build.log lacks: ${message}" }
expect('data/absent.csv.gz')
expect('malformed.csv line 17')
expect("unknown network 'Letters'; this project's networks are: Digits")
expect('lamina.epochs must be at least 1, was 0')
expect('lamina.learningRate must be a positive number, was -0.1')
expect("unknown lamina.device 'tpu': use auto, cpu, gpu or gpu:<index>")
expect('cannot write the output directory')
expect('-Dlamina.epoch is not a property of lamina:train and is ignored; did you mean -Dlamina.epochs?')

// The generated tests ran beside the user's own, with nothing configured but README's pom.
// (DigitsNetworkTest, shown by its display name)
expect('Running Digits network contract')
assert log =~ /Tests run: [1-9]\d*, Failures: 0, Errors: 0, Skipped: \d+, Time elapsed: [^\n]* -+ in Digits network contract/ :
        'the generated DigitsNetworkTest ran and passed'
expect('Running it.digits.DigitsDataTest')

// Noise a user cannot act on stays out of the log.
['No SLF4J providers', 'SLF4J(W)', 'SLF4J(I)', 'AutoNonVariableTypeMode', ' 1 epochs', 'restricted method'].each { noise ->
    assert !log.contains(noise) : "build.log shows ${noise}"
}
return true
