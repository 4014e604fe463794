export default defineBackground(() => {
  console.log('Fitroom background started');
});
