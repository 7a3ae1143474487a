// Korean first, English second. The merchant's locale picks one; the switch in the header overrides it.
const ko = {
  title: 'Notify 가게 콘솔', skip: '본문으로 건너뛰기', menu: '메뉴', loading: '불러오는 중…',
  'nav.orders': '주문', 'nav.customers': '고객', 'nav.broadcast': '알림 보내기', 'nav.damage': '피해 보고', 'nav.settings': '설정',
  lang: 'English', langLabel: 'Switch to English', signOut: '로그아웃',
  'signin.title': '가게 콘솔 로그인', 'signin.merchant': '가게 ID', 'signin.merchantHint': 'm_로 시작합니다',
  'signin.key': 'API 키', 'signin.keyHint': 'nk_로 시작합니다. 이 브라우저의 스크립트는 키를 보관하지 않습니다.',
  'signin.submit': '로그인', 'signin.wrong': '가게 ID 또는 API 키가 맞지 않습니다. 다시 확인해 주세요.',
  'signin.expired': '로그인 시간이 끝났습니다. 다시 로그인해 주세요.', 'signin.out': '로그아웃했습니다.',
  'signin.needMerchant': '가게 ID를 입력해 주세요 (m_…).', 'signin.needKey': 'API 키를 입력해 주세요 (nk_…).',
  'orders.title': '주문', 'orders.window': '기간', 'orders.today': '오늘', 'orders.custom': '날짜 선택',
  'orders.from': '시작일', 'orders.to': '종료일', 'orders.status': '상태', 'orders.all': '전체',
  'orders.search': '검색', 'orders.searchHint': '전화번호, 이름 또는 주문번호', 'orders.apply': '보기',
  'orders.number': '주문번호', 'orders.time': '접수 시각', 'orders.customer': '고객', 'orders.reachedBy': '연락된 채널',
  'orders.total': '금액', 'orders.empty': '이 기간에 주문이 없습니다.', 'orders.new': '새 주문 {n}건', 'orders.count': '{n}건',
  'orders.csv': '주문 CSV 내려받기',
  'status.pending': '대기 중', 'status.sent': '보냄', 'status.confirmed': '확인됨', 'status.exhausted': '연락 안 됨',
  'channel.sms': '문자', 'channel.email': '이메일', 'channel.webhook': '웹훅', 'channel.kakao': '카카오톡',
  'channelBy.sms': '문자로', 'channelBy.email': '이메일로', 'channelBy.webhook': '웹훅으로', 'channelBy.kakao': '카카오톡으로',
  'attempt.queued': '보낼 준비', 'attempt.sending': '보내는 중', 'attempt.accepted': '통신사 접수', 'attempt.unknown': '결과 모름',
  'attempt.delivered': '전달됨', 'attempt.failed': '실패', 'attempt.timed-out': '응답 없음', 'attempt.cancelled': '취소됨',
  'order.back': '← 주문 목록', 'order.title': '주문 {n}', 'order.timeline': '연락 기록', 'order.confirmedBy': '{by} 확인됨',
  'order.waiting': '확인 기다리는 중', 'order.unreached': '고객에게 연락하지 못했습니다', 'order.items': '품목',
  'order.note': '요청 사항', 'order.pickup': '받는 시각', 'order.error': '오류', 'order.alert': '사장님께 알림',
  'order.phone': '전화', 'order.email': '이메일', 'order.placed': '주문 시각', 'order.noAttempts': '아직 보낸 연락이 없습니다.',
  'customers.title': '고객', 'customers.search': '고객 검색', 'customers.searchHint': '이름, 전화번호 또는 이메일',
  'customers.name': '이름', 'customers.phone': '전화', 'customers.email': '이메일', 'customers.lastOrder': '최근 주문',
  'customers.csv': '고객 CSV 내려받기', 'customers.erase': '지우기', 'customers.eraseOf': '{name} 님 정보 지우기',
  'customers.eraseTitle': '고객 정보를 지울까요?',
  'customers.eraseBody': '{name} 님의 이름, 전화번호, 이메일을 고객 목록과 모든 주문에서 지웁니다. 보내지 않은 연락은 취소됩니다. 되돌릴 수 없습니다.',
  'customers.eraseConfirm': '지우기', 'customers.erased': '고객 정보를 지웠습니다.', 'customers.empty': '고객이 없습니다.',
  'customers.noId': '이 서버는 고객 삭제를 아직 지원하지 않습니다.',
  cancel: '취소', close: '닫기', copy: '복사', copied: '복사했습니다', save: '저장', saved: '저장했습니다.',
  notAvailable: '이 기능은 아직 이 서버에서 제공되지 않습니다.', networkError: '서버에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.',
  refused: '서버가 요청을 거절했습니다.',
  'banner.down': '{channel} 서비스가 {since}부터 멈춰 있습니다. 다음 채널로 대신 보내고 있어요.',
  'banner.probing': '{channel} 서비스가 {since}부터 불안정합니다. 복구를 확인하는 중입니다.',
  'settings.title': '설정', 'settings.chain': '연락 순서', 'settings.chainHint': '위에서부터 차례로 시도합니다.',
  'settings.use': '{channel} 사용', 'settings.up': '{channel} 위로', 'settings.down': '{channel} 아래로',
  'settings.webhook': '웹훅 URL', 'settings.webhookHint': 'https://로 시작하는 주소',
  'settings.alertPhone': '알림 받을 전화번호', 'settings.alertEmail': '알림 받을 이메일',
  'settings.kakao': '카카오톡', 'settings.pfId': '카카오톡 채널 ID (pfId)', 'settings.templateId': '확인 템플릿 ID',
  'settings.keys': '키 다시 만들기', 'settings.rotateKey': 'API 키 새로 만들기', 'settings.rotateSecret': '웹훅 비밀 새로 만들기',
  'settings.rotateTitle': '새로 만들까요?', 'settings.rotateBody': '지금 쓰는 값은 {until}까지만 쓸 수 있습니다. 새 값은 한 번만 보여 드립니다.',
  'settings.rotateBodyShort': '지금 쓰는 값은 잠시 후 더 이상 쓸 수 없습니다. 새 값은 한 번만 보여 드립니다.',
  'settings.rotateGo': '새로 만들기', 'settings.newKey': '새 API 키 (한 번만 보입니다)', 'settings.newSecret': '새 웹훅 비밀 (한 번만 보입니다)',
  'settings.previous': '이전 값은 {until}까지 쓸 수 있습니다.',
  'settings.needHttps': 'https://로 시작하는 주소를 입력해 주세요.', 'settings.needEmail': '올바른 이메일 주소를 입력해 주세요.',
  'settings.needPhone': '숫자로 된 전화번호를 입력해 주세요.', 'settings.needChannel': '채널을 하나 이상 골라 주세요.',
  'settings.needBoth': '채널 ID와 템플릿 ID를 함께 입력해 주세요.',
  'broadcast.title': '알림 보내기', 'broadcast.message': '보낼 내용', 'broadcast.audience': '받는 사람',
  'broadcast.from': '주문 시작 시각', 'broadcast.to': '주문 종료 시각', 'broadcast.statuses': '주문 상태', 'broadcast.urgent': '급함 (바로 보내기)',
  'broadcast.preview': '미리 보기', 'broadcast.size': '{chars}자 · SMS {segments}건 (가게 이름과 연락처를 더해 {max}건까지)', 'broadcast.cost': '한 건당 예상 비용: {costs}',
  'broadcast.send': '보내기', 'broadcast.cancel': '보내기 멈추기', 'broadcast.progress': '진행', 'broadcast.recipients': '받는 사람 {n}명',
  'broadcast.needMessage': '보낼 내용을 입력해 주세요.', 'broadcast.tooLong': '문자 {max}건 안에 들어가도록 줄여 주세요.',
  'recipient.waiting': '기다리는 중', 'recipient.pending': '보낼 차례', 'recipient.sent': '보냄', 'recipient.confirmed': '전달됨',
  'recipient.exhausted': '연락 안 됨', 'recipient.cancelled': '멈춤',
  'broadcast.state.sending': '보내는 중', 'broadcast.state.done': '완료', 'broadcast.state.cancelled': '멈춤',
  'damage.title': '피해 보고', 'damage.show': '보기', 'damage.orders': '주문', 'damage.affected': '영향 받은 연락',
  'damage.instead': '다른 채널로 확인', 'damage.unreached': '연락 안 된 고객', 'damage.ttc': '확인까지 걸린 시간 (중앙값 / 95%)',
  'damage.outages': '겹친 장애', 'damage.chart': '시간별 주문: 이번 주와 1주 전', 'damage.now': '이번 주', 'damage.before': '1주 전',
  'damage.csv': 'CSV 내려받기', 'damage.noOutages': '이 기간에 장애가 없었습니다.',
  'damage.passedOver': '건너뛴 채널', 'damage.passedOverOn': '{channel} 실패 {failed} · 장애로 건너뜀 {skipped}', 'damage.failures': '실패 {n}건',
};

const en = {
  title: 'Notify shop console', skip: 'Skip to content', menu: 'Menu', loading: 'Loading…',
  'nav.orders': 'Orders', 'nav.customers': 'Customers', 'nav.broadcast': 'Send a notice', 'nav.damage': 'Damage report', 'nav.settings': 'Settings',
  lang: '한국어', langLabel: '한국어로 보기', signOut: 'Sign out',
  'signin.title': 'Sign in to your shop console', 'signin.merchant': 'Merchant id', 'signin.merchantHint': 'Starts with m_',
  'signin.key': 'API key', 'signin.keyHint': 'Starts with nk_. Scripts in this browser never keep the key.',
  'signin.submit': 'Sign in', 'signin.wrong': 'The merchant id or the API key is not right. Check both and try again.',
  'signin.expired': 'Your session has ended. Please sign in again.', 'signin.out': 'You are signed out.',
  'signin.needMerchant': 'Enter the merchant id (m_…).', 'signin.needKey': 'Enter the API key (nk_…).',
  'orders.title': 'Orders', 'orders.window': 'Period', 'orders.today': 'Today', 'orders.custom': 'Choose dates',
  'orders.from': 'From', 'orders.to': 'To', 'orders.status': 'Status', 'orders.all': 'All',
  'orders.search': 'Search', 'orders.searchHint': 'Phone, name or order number', 'orders.apply': 'Show',
  'orders.number': 'Order', 'orders.time': 'Received', 'orders.customer': 'Customer', 'orders.reachedBy': 'Reached by',
  'orders.total': 'Total', 'orders.empty': 'No orders in this period.', 'orders.new': '{n} new order(s)', 'orders.count': '{n} orders',
  'orders.csv': 'Download orders CSV',
  'status.pending': 'Waiting', 'status.sent': 'Sent', 'status.confirmed': 'Confirmed', 'status.exhausted': 'Not reached',
  'channel.sms': 'SMS', 'channel.email': 'E-mail', 'channel.webhook': 'Webhook', 'channel.kakao': 'KakaoTalk',
  'channelBy.sms': 'by SMS', 'channelBy.email': 'by e-mail', 'channelBy.webhook': 'by webhook', 'channelBy.kakao': 'by KakaoTalk',
  'attempt.queued': 'ready to send', 'attempt.sending': 'sending', 'attempt.accepted': 'accepted by the carrier', 'attempt.unknown': 'outcome unknown',
  'attempt.delivered': 'delivered', 'attempt.failed': 'failed', 'attempt.timed-out': 'no answer', 'attempt.cancelled': 'cancelled',
  'order.back': '← Orders', 'order.title': 'Order {n}', 'order.timeline': 'How we reached the customer', 'order.confirmedBy': 'confirmed {by}',
  'order.waiting': 'waiting for confirmation', 'order.unreached': 'the customer could not be reached', 'order.items': 'Items',
  'order.note': 'Note', 'order.pickup': 'Pick-up / delivery', 'order.error': 'Error', 'order.alert': 'Alert to you',
  'order.phone': 'Phone', 'order.email': 'E-mail', 'order.placed': 'Placed', 'order.noAttempts': 'Nothing sent yet.',
  'customers.title': 'Customers', 'customers.search': 'Search customers', 'customers.searchHint': 'Name, phone or e-mail',
  'customers.name': 'Name', 'customers.phone': 'Phone', 'customers.email': 'E-mail', 'customers.lastOrder': 'Last order',
  'customers.csv': 'Download customers CSV', 'customers.erase': 'Erase', 'customers.eraseOf': 'Erase {name}',
  'customers.eraseTitle': 'Erase this customer?',
  'customers.eraseBody': "{name}'s name, phone and e-mail will be removed from the customer list and from every order. Messages not yet sent are cancelled. This cannot be undone.",
  'customers.eraseConfirm': 'Erase', 'customers.erased': 'The customer was erased.', 'customers.empty': 'No customers yet.',
  'customers.noId': 'This server cannot erase customers yet.',
  cancel: 'Cancel', close: 'Close', copy: 'Copy', copied: 'Copied', save: 'Save', saved: 'Saved.',
  notAvailable: 'This is not available on this server yet.', networkError: 'Cannot reach the server. Please try again shortly.',
  refused: 'The server refused the request.',
  'banner.down': '{channel} has been down since {since}. Messages go out over the next channel instead.',
  'banner.probing': '{channel} has been unstable since {since}; checking whether it is back.',
  'settings.title': 'Settings', 'settings.chain': 'Order of channels', 'settings.chainHint': 'Tried from the top down.',
  'settings.use': 'Use {channel}', 'settings.up': 'Move {channel} up', 'settings.down': 'Move {channel} down',
  'settings.webhook': 'Webhook URL', 'settings.webhookHint': 'An https:// address',
  'settings.alertPhone': 'Alert phone', 'settings.alertEmail': 'Alert e-mail',
  'settings.kakao': 'KakaoTalk', 'settings.pfId': 'KakaoTalk channel id (pfId)', 'settings.templateId': 'Confirmation template id',
  'settings.keys': 'Replace keys', 'settings.rotateKey': 'New API key', 'settings.rotateSecret': 'New webhook secret',
  'settings.rotateTitle': 'Make a new one?', 'settings.rotateBody': 'The current value keeps working until {until}. The new one is shown only once.',
  'settings.rotateBodyShort': 'The current value stops working soon. The new one is shown only once.',
  'settings.rotateGo': 'Make a new one', 'settings.newKey': 'New API key (shown once)', 'settings.newSecret': 'New webhook secret (shown once)',
  'settings.previous': 'The previous value works until {until}.',
  'settings.needHttps': 'Enter an address that starts with https://.', 'settings.needEmail': 'Enter a valid e-mail address.',
  'settings.needPhone': 'Enter a phone number in digits.', 'settings.needChannel': 'Choose at least one channel.',
  'settings.needBoth': 'Enter both the channel id and the template id.',
  'broadcast.title': 'Send a notice', 'broadcast.message': 'Message', 'broadcast.audience': 'Recipients',
  'broadcast.from': 'Orders from', 'broadcast.to': 'Orders to', 'broadcast.statuses': 'Order status', 'broadcast.urgent': 'Urgent (send at once)',
  'broadcast.preview': 'Preview', 'broadcast.size': '{chars} characters · {segments} SMS segment(s) (up to {max} with the shop name and callback number)', 'broadcast.cost': 'Estimated cost per message: {costs}',
  'broadcast.send': 'Send', 'broadcast.cancel': 'Stop sending', 'broadcast.progress': 'Progress', 'broadcast.recipients': '{n} recipients',
  'broadcast.needMessage': 'Enter a message.', 'broadcast.tooLong': 'Keep it within {max} SMS segments.',
  'recipient.waiting': 'waiting', 'recipient.pending': 'queued', 'recipient.sent': 'sent', 'recipient.confirmed': 'delivered',
  'recipient.exhausted': 'not reached', 'recipient.cancelled': 'stopped',
  'broadcast.state.sending': 'sending', 'broadcast.state.done': 'done', 'broadcast.state.cancelled': 'stopped',
  'damage.title': 'Damage report', 'damage.show': 'Show', 'damage.orders': 'Orders', 'damage.affected': 'Messages affected',
  'damage.instead': 'Confirmed over another channel', 'damage.unreached': 'Customers not reached', 'damage.ttc': 'Time to confirm (median / 95%)',
  'damage.outages': 'Outages in this period', 'damage.chart': 'Orders per hour: this week and a week earlier', 'damage.now': 'This week', 'damage.before': 'A week earlier',
  'damage.csv': 'Download CSV', 'damage.noOutages': 'No outages in this period.',
  'damage.passedOver': 'Channels passed over', 'damage.passedOverOn': '{channel} failed {failed} · skipped while down {skipped}', 'damage.failures': '{n} failures',
};

const tables = { ko, en };
let current = 'ko';
let timeZone = 'Asia/Seoul';

export function setLanguage(lang) {
  current = tables[lang] ? lang : 'ko';
  document.documentElement.lang = current;
  document.title = t('title');
}

export const language = () => current;
export function setTimeZone(zone) { timeZone = zone || 'Asia/Seoul'; }
export const zone = () => timeZone;

export function t(key, args = {}) {
  const text = tables[current][key] ?? tables.ko[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(args[name] ?? ''));
}

export function formatTime(iso, withDate = true) {
  if (!iso) return '';
  const options = withDate
    ? { timeZone, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }
    : { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit' };
  return new Intl.DateTimeFormat(current === 'ko' ? 'ko-KR' : 'en-GB', options).format(new Date(iso));
}

export function formatMoney(amount, currency) {
  try {
    return new Intl.NumberFormat(current === 'ko' ? 'ko-KR' : 'en-US', { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

// The calendar date and UTC offset in the merchant's time zone, so "today" means the shop's day, not the browser's.
export function zonedDate(date = new Date()) {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(date)
    .find(p => p.type === 'timeZoneName')?.value ?? 'GMT';
  const offset = name === 'GMT' ? '+00:00' : name.replace('GMT', '');
  return { day, offset };
}

// Korean numbers as a shop owner dials them (010-1234-5678); the tel: link keeps the stored E.164 form.
export function formatPhone(e164) {
  if (!e164?.startsWith('+82')) return e164 ?? '';
  const national = `0${e164.slice(3)}`;
  if (/^01\d{9}$/.test(national)) return `${national.slice(0, 3)}-${national.slice(3, 7)}-${national.slice(7)}`;
  if (/^01\d{8}$/.test(national)) return `${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`;
  if (/^02\d{7,8}$/.test(national)) return `02-${national.slice(2, national.length - 4)}-${national.slice(-4)}`;
  return national;
}
