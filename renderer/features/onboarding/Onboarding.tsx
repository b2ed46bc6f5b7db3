import { useApp } from '../../state/app-store';
import { useConnections } from '../../state/connections-store';

export function Onboarding() {
  const show = useApp((s) => s.show);
  const discover = useConnections((s) => s.discover);
  return (
    <div className="onboarding">
      <h1>Welcome to Enclave</h1>
      <p>Chat with any model, straight from this machine. No relay, no telemetry: every request goes only where you send it.</p>
      <div className="cards">
        <div className="card">
          <h2>Run a model locally</h2>
          <p>
            Install <strong>Ollama</strong> and run <code>ollama run llama3.2</code>, or start LM Studio, llama.cpp or vLLM. Then let Enclave
            find it. Nothing leaves your computer.
          </p>
          <button
            className="primary"
            onClick={() => {
              show('connections');
              void discover();
            }}
          >
            Find local servers
          </button>
        </div>
        <div className="card">
          <h2>Use a provider key</h2>
          <p>OpenAI, Anthropic, Google, Mistral, Groq, DeepSeek, xAI or any OpenAI-compatible server. Keys go into your system keychain, never a file.</p>
          <button onClick={() => useApp.getState().showAddConnection()}>Add a connection</button>
        </div>
      </div>
      <p className="muted small">Just looking? Start Enclave with <code>npm start -- --demo</code> for simulated local models.</p>
    </div>
  );
}
