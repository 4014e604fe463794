/** The popup (also opened as a tab from the overlay's "Add my photo"): the portrait manager. */
import { render } from 'preact';
import { App } from './App';
import './style.css';

render(<App />, document.getElementById('app')!);
