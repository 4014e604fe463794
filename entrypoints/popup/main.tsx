import { render } from 'preact';

function App() {
  return <main>Fitroom</main>;
}

render(<App />, document.getElementById('app')!);
