import { useState } from 'react';
import { useApp } from '../../state/app-store';
import { useConnections } from '../../state/connections-store';
import { useConversations } from '../../state/conversations-store';
import { BuiltinModelForm } from '../builtin/BuiltinModelForm';

export function Onboarding() {
  const show = useApp((s) => s.show);
  const discover = useConnections((s) => s.discover);
  const [builtin, setBuiltin] = useState(false);
  return (
    <div className="onboarding">
      <h1>Welcome to Enclave</h1>
      <p>Chat with any model, straight from this machine. No relay, no telemetry: every request goes only where you send it.</p>
      <div className="cards">
        <div className="card">
          <h2>Run a model locally</h2>
          <p>
            Install <strong>Ollama</strong> and run <code>ollama run llama3.2</code>, or start LM Studio, llama.cpp or vLLM. Then let Enclave find it. Nothing leaves your computer.
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
          <h2>Run a model inside Enclave</h2>
          <p>No key and no server? Point Enclave at a GGUF model file on this computer and it runs it itself with llama.cpp. Works offline, on a plane, with nothing installed.</p>
          {builtin ? (
            <BuiltinModelForm
              onCancel={() => setBuiltin(false)}
              onAdded={(model, connection) => useConversations.getState().setModel({ connectionId: connection.id, modelId: model.id })}
            />
          ) : (
            <button onClick={() => setBuiltin(true)}>Use a model file</button>
          )}
        </div>
        <div className="card">
          <h2>Use a provider key</h2>
          <p>OpenAI, Anthropic, Google, Mistral, Groq, DeepSeek, xAI or any OpenAI-compatible server. Keys go into your system keychain, never a file.</p>
          <button onClick={() => useApp.getState().showAddConnection()}>Add a connection</button>
        </div>
      </div>
      <p className="muted small">
        Just looking? Start Enclave with <code>npm start -- --demo</code> for simulated local models.
      </p>
    </div>
  );
}
