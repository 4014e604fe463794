/** The fitting room page: the portrait and the saved looks (components/fitting-room/). */
import { render } from 'preact';
import { FittingRoom } from '@/components/fitting-room/FittingRoom';
import { indexedDbLookStore, indexedDbPortraitStore } from '@/lib/storage';
// The portrait panel is the popup's: its styles come along.
import '../popup/style.css';
import '@/components/fitting-room/fitting-room.css';

render(<FittingRoom portraits={indexedDbPortraitStore()} looks={indexedDbLookStore()} />, document.getElementById('app')!);
