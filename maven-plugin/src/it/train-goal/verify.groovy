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
return true
