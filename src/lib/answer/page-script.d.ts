// `import src from './module.ts?page-script'`: the URL of that module built on its own for a
// <script type="module"> (the page-script plugin in vite.config.ts).
declare module '*?page-script' {
	const src: string;
	export default src;
}
