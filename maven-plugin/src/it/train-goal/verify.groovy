// Checks what mvn lamina:train left behind and what it told the user, invocation by invocation.
def log = new File(basedir, 'build.log').text
def run = new File(basedir, 'lamina-runs/Digits/latest')

['Digits.lamina.safetensors', 'best.safetensors', 'last.safetensors', 'checkpoint.safetensors', 'history.csv', 'metrics.json',
 'summary.txt'].each { name ->
    assert new File(run, name).isFile() : "missing run file ${name}"
}
assert new File(run, 'history.csv').readLines().size() == 3 : 'two epochs, two history rows'
assert log.contains('Report: ') && log.contains('lamina-runs/Digits/run_1/report.html')

def expect = { String message -> assert log.contains(message) : "build.log lacks: ${message}" }
expect('data/absent.csv.gz')
expect('malformed.csv line 17')
expect("unknown network 'Letters'; this project's networks are: Digits")
expect('lamina.epochs must be at least 1, was 0')
expect('lamina.learningRate must be a positive number, was -0.1')
expect("unknown lamina.device 'tpu': use auto, cpu, gpu or gpu:<index>")
expect('cannot write the output directory')
def scores = new File(basedir, 'data/score.predictions.csv').readLines()
assert scores[0].startsWith('id,predicted_class,probability_0,') && scores[0].endsWith(',probability_9,error')
assert scores.size() == 5 : 'a header and four rows'
assert scores[1].startsWith('img1,') && scores[1].endsWith(',')
assert scores[2].startsWith('img2,')
assert scores[3] == 'broken,,,,,,,,,,,,the line has 4 values; the model takes 784 (or an id and 784)'
expect('Scored 3 of 4 rows')
expect('is a training checkpoint of network Digits')
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
