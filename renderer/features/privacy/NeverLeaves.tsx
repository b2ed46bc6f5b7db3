// The promises the architecture keeps, stated plainly.
import { Check } from 'lucide-react';

const ITEMS = [
  { title: 'Your API keys', text: 'stay in the system keychain. The window never sees them, and they are never written to a file.' },
  { title: 'Your conversations', text: 'live in an encrypted database on this computer. They go only to the model you pick, when you send.' },
  { title: 'No telemetry', text: 'Enclave sends no usage data, crash reports or analytics anywhere.' },
  { title: 'No relay', text: 'requests go straight from this computer to the provider you chose. No Enclave server sits in between.' },
];

export function NeverLeaves() {
  return (
    <section className="card never-leaves" aria-label="What never leaves this machine">
      <h2>Never leaves this machine</h2>
      <ul>
        {ITEMS.map((i) => (
          <li key={i.title}>
            <Check className="check" size={14} aria-hidden />
            <span>
              <strong>{i.title}</strong> {i.text}
            </span>
          </li>
        ))}
      </ul>
      <p className="muted small">Every request Enclave makes is listed in the network ledger below: time, host, size, never content.</p>
    </section>
  );
}
