/** Starts an app: reads config.json, points the client at the API, renders. */
import { render, type ComponentChildren } from 'preact';
import { configureApi } from './api/client';
import { loadConfig, type WebConfig } from './config';
import './ui/base.css';

export async function boot(app: (config: WebConfig) => ComponentChildren) {
  const config = await loadConfig();
  configureApi(config.apiBase);
  const root = document.getElementById('app')!;
  render(app(config), root);
}
